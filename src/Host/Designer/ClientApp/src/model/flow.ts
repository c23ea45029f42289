// Definition → React Flow nodes and edges. The definition stays the document; nodes and edges are its view,
// rebuilt after every change while keeping what React Flow added (measured size, selection), and reusing the
// node objects of unchanged steps so React Flow does not redraw them.

import type { MarkerType } from '@xyflow/react';
import type { ActivityDescriptor, Definition } from '../types';
import type { ActivityFlowNode, LooseEnd, RouteFlowEdge } from '../components/EditorContext';
import { activityLabel, edgeIds, portLabelOf, TARGET_PORT } from './definition';

export function toFlowNodes(
  previous: readonly ActivityFlowNode[],
  def: Definition,
  select: ReadonlySet<string> | null = null,
): ActivityFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const outgoingPorts = new Map<string, Set<string>>();
  const incoming = new Set<string>();
  const existing = new Set(def.root.activities.map((a) => a.id));
  const ids = edgeIds(def.root.connections);
  const looseEnds = new Map<string, LooseEnd[]>();
  def.root.connections.forEach((c, i) => {
    outgoingPorts.set(c.source.activity, (outgoingPorts.get(c.source.activity) ?? new Set()).add(c.source.port));
    incoming.add(c.target.activity);
    if (!existing.has(c.target.activity)) {
      looseEnds.set(c.source.activity, [...(looseEnds.get(c.source.activity) ?? []), { edgeId: ids[i]!, port: c.source.port, target: c.target.activity }]);
    }
  });
  return def.root.activities.map((activity, index) => {
    const old = byId.get(activity.id);
    const position = activity.designer ? { x: activity.designer.x, y: activity.designer.y } : { x: index * 260, y: 0 };
    const unknownPorts = [...(outgoingPorts.get(activity.id) ?? [])];
    const hasIncoming = incoming.has(activity.id);
    const loose = looseEnds.get(activity.id) ?? [];
    const selected = select ? select.has(activity.id) : (old?.selected ?? false);
    if (
      old &&
      old.data.activity === activity &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      (old.selected ?? false) === selected &&
      old.data.hasIncoming === hasIncoming &&
      old.data.unknownPorts.join('\u0000') === unknownPorts.join('\u0000') &&
      old.data.looseEnds.map((l) => l.edgeId).join('\u0000') === loose.map((l) => l.edgeId).join('\u0000')
    ) {
      return old;
    }
    return {
      ...(old ?? {}),
      id: activity.id,
      type: 'activity' as const,
      position,
      selected,
      ariaLabel: `Stap ${activity.displayName || activity.type} (${activity.id})`,
      data: { activity, unknownPorts, hasIncoming, looseEnds: loose },
    };
  });
}

export function toFlowEdges(
  previous: readonly RouteFlowEdge[],
  def: Definition,
  clearSelection = false,
  descriptors: ReadonlyMap<string, ActivityDescriptor> = new Map(),
): RouteFlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  const ids = edgeIds(def.root.connections);
  const activities = new Map(def.root.activities.map((a) => [a.id, a]));
  const step = (id: string) => {
    const a = activities.get(id);
    return a ? activityLabel(a, descriptors.get(a.type)) : id;
  };
  return def.root.connections.map((c, i) => {
    const id = ids[i]!;
    const old = byId.get(id);
    const selected = clearSelection ? false : (old?.selected ?? false);
    const source = activities.get(c.source.activity);
    const portLabel = portLabelOf(source, source ? descriptors.get(source.type) : undefined, c.source.port);
    const ariaLabel = `Verbinding van ${step(c.source.activity)} (uitgang “${portLabel}”) naar ${step(c.target.activity)}`;
    if (old && (old.selected ?? false) === selected && old.ariaLabel === ariaLabel) return old;
    return {
      id,
      type: 'route' as const,
      source: c.source.activity,
      sourceHandle: c.source.port,
      target: c.target.activity,
      targetHandle: TARGET_PORT,
      selected,
      // MarkerType.ArrowClosed, written out so this module needs no React Flow at run time (unit tests).
      markerEnd: { type: 'arrowclosed' as MarkerType, width: 18, height: 18 },
      ariaLabel,
      data: { port: c.source.port, portLabel },
    };
  });
}

/** The edges a test run's path went along: for each step to the next, the connection between them. */
export function pathEdges(def: Definition, path: readonly string[], ports: ReadonlyMap<string, string> = new Map()): Set<string> {
  const ids = edgeIds(def.root.connections);
  const result = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i]!;
    const to = path[i + 1]!;
    const candidates = def.root.connections.map((c, j) => ({ c, id: ids[j]! })).filter(({ c }) => c.source.activity === from && c.target.activity === to);
    const preferred = candidates.find(({ c }) => c.source.port === ports.get(from)) ?? candidates[0];
    if (preferred) result.add(preferred.id);
  }
  return result;
}
