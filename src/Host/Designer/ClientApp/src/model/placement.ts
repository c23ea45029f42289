// Where a new step goes: to the right of the selected step (or of the right-most step), moved down until it
// covers no other step; and whether it can be connected to the selected step without asking.

import type { Activity, ActivityDescriptor, Definition } from '../types';
import { DEFAULT_NODE_SIZE } from './layout';
import { portsOf, TARGET_PORT } from './definition';

const GAP_X = 80;
const STEP_Y = 120;

export function placeNewStep(
  def: Definition,
  anchorId: string | null,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  fallback: { x: number; y: number },
): { x: number; y: number } {
  const activities = def.root.activities;
  const at = (id: string) => activities.find((a) => a.id === id)?.designer;
  let position: { x: number; y: number };
  const anchor = anchorId ? at(anchorId) : undefined;
  if (anchorId && anchor) {
    position = { x: anchor.x + (sizes.get(anchorId)?.width ?? DEFAULT_NODE_SIZE.width) + GAP_X, y: anchor.y };
  } else {
    const placed = activities.filter((a) => a.designer);
    if (placed.length === 0) return { x: Math.round(fallback.x), y: Math.round(fallback.y) };
    const rightmost = placed.reduce((r, a) => (a.designer!.x > r.designer!.x ? a : r));
    const width = sizes.get(rightmost.id)?.width ?? DEFAULT_NODE_SIZE.width;
    position = { x: rightmost.designer!.x + width + GAP_X, y: rightmost.designer!.y };
  }
  const covers = (p: { x: number; y: number }) =>
    activities.some((a) => a.designer && Math.abs(a.designer.x - p.x) < DEFAULT_NODE_SIZE.width * 0.75 && Math.abs(a.designer.y - p.y) < STEP_Y * 0.75);
  while (covers(position)) position = { x: position.x, y: position.y + STEP_Y };
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

/** How a new step was joined to the selected one. */
export type Joined =
  | { kind: 'free'; port: string }
  | { kind: 'inserted'; port: string; target: string; newPort: string }
  | { kind: 'none'; reason: 'no-anchor' | 'ambiguous' | 'no-exit' };

/**
 * Where a new step goes relative to the selected one and whether it can be connected without asking:
 * - the selected step has exactly one exit without a connection: that exit goes to the new step;
 * - it has one exit only, with one connection, and the new step has a single exit: the new step is put into that
 *   connection (selected → new → the old target);
 * - otherwise (several free exits, several connections, an end step) the step is left unconnected.
 */
export function joinToAnchor(
  def: Definition,
  anchorId: string | null,
  newPorts: readonly string[],
  descriptors: ReadonlyMap<string, ActivityDescriptor>,
): Joined {
  const anchor = anchorId ? def.root.activities.find((a) => a.id === anchorId) : undefined;
  if (!anchor) return { kind: 'none', reason: 'no-anchor' };
  const ports = portsOf(anchor, descriptors.get(anchor.type));
  if (ports.length === 0) return { kind: 'none', reason: 'no-exit' };
  const outgoing = def.root.connections.filter((c) => c.source.activity === anchor.id);
  const free = ports.filter((p) => !outgoing.some((c) => c.source.port === p));
  if (free.length === 1) return { kind: 'free', port: free[0]! };
  if (free.length === 0 && ports.length === 1 && newPorts.length === 1) {
    const only = outgoing.filter((c) => c.source.port === ports[0]);
    if (only.length === 1) return { kind: 'inserted', port: ports[0]!, target: only[0]!.target.activity, newPort: newPorts[0]! };
  }
  return { kind: 'none', reason: 'ambiguous' };
}

/**
 * Adds `activity` and joins it as {@link joinToAnchor} says, in one change (one undo step). An inserted step keeps
 * the connection object of the selected step's exit (its other fields stay) and gets a new one to the old target.
 */
export function addJoined(def: Definition, activity: Activity, joined: Joined, anchorId: string | null): Definition {
  const activities = [...def.root.activities, activity];
  let connections = def.root.connections;
  if (joined.kind === 'free' && anchorId) {
    connections = [...connections, { source: { activity: anchorId, port: joined.port }, target: { activity: activity.id, port: TARGET_PORT } }];
  } else if (joined.kind === 'inserted' && anchorId) {
    connections = connections.map((c) =>
      c.source.activity === anchorId && c.source.port === joined.port ? { ...c, target: { ...c.target, activity: activity.id, port: TARGET_PORT } } : c,
    );
    connections = [...connections, { source: { activity: activity.id, port: joined.newPort }, target: { activity: joined.target, port: TARGET_PORT } }];
  }
  return { ...def, root: { ...def.root, activities, connections } };
}
