// Copy and paste of steps. Pasted steps get new unique ids and are moved by an offset; connections between
// copied steps are copied with them, connections to steps that were not copied are not.

import type { Activity, Connection, Definition } from '../types';
import { uniqueId } from './definition';

export interface Clipboard {
  activities: Activity[];
  connections: Connection[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function copySelection(def: Definition, ids: Iterable<string>): Clipboard | null {
  const selected = new Set(ids);
  const activities = def.root.activities.filter((a) => selected.has(a.id));
  if (activities.length === 0) return null;
  const connections = def.root.connections.filter((c) => selected.has(c.source.activity) && selected.has(c.target.activity));
  return { activities: clone(activities), connections: clone(connections) };
}

export function paste(def: Definition, clipboard: Clipboard, offset: { x: number; y: number }): { definition: Definition; ids: string[] } {
  const taken = new Set(def.root.activities.map((a) => a.id));
  const renamed = new Map<string, string>();
  const activities = clipboard.activities.map((original) => {
    const copy = clone(original);
    copy.id = uniqueId(original.id, taken);
    taken.add(copy.id);
    renamed.set(original.id, copy.id);
    const at = original.designer ?? { x: 0, y: 0 };
    copy.designer = { ...(copy.designer ?? {}), x: Math.round(at.x + offset.x), y: Math.round(at.y + offset.y) };
    return copy;
  });
  const connections = clipboard.connections
    .filter((c) => renamed.has(c.source.activity) && renamed.has(c.target.activity))
    .map((c) => {
      const copy = clone(c);
      copy.source = { ...copy.source, activity: renamed.get(c.source.activity)! };
      copy.target = { ...copy.target, activity: renamed.get(c.target.activity)! };
      return copy;
    });
  return {
    definition: {
      ...def,
      root: { ...def.root, activities: [...def.root.activities, ...activities], connections: [...def.root.connections, ...connections] },
    },
    ids: activities.map((a) => a.id),
  };
}
