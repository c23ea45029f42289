// Where a step added with the keyboard goes: to the right of the selected step (or of the right-most step),
// moved down until it covers no other step.

import type { Definition } from '../types';
import { DEFAULT_NODE_SIZE } from './layout';

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
