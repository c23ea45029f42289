// Auto-layout: dagre, left to right, with the measured size of each step.

import dagre from '@dagrejs/dagre';
import type { Definition } from '../types';

export const DEFAULT_NODE_SIZE = { width: 160, height: 80 };

export function layoutPositions(
  def: Definition,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const a of def.root.activities) {
    const size = sizes.get(a.id) ?? DEFAULT_NODE_SIZE;
    graph.setNode(a.id, { width: size.width, height: size.height });
  }
  for (const c of def.root.connections) {
    if (graph.hasNode(c.source.activity) && graph.hasNode(c.target.activity)) {
      graph.setEdge(c.source.activity, c.target.activity);
    }
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const a of def.root.activities) {
    const n = graph.node(a.id);
    const size = sizes.get(a.id) ?? DEFAULT_NODE_SIZE;
    // dagre gives centres; the designer stores the top-left corner.
    if (n) positions.set(a.id, { x: Math.round(n.x - size.width / 2), y: Math.round(n.y - size.height / 2) });
  }
  return positions;
}

/** The smallest size (CSS px, as drawn) of a step's title when the designer opens. */
export const READABLE_TEXT_PX = 12;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The zoom at which text of `fontPx` is drawn at least `minPx` high (never above 1: steps are not blown up). */
export function readableZoom(fontPx: number, minPx = READABLE_TEXT_PX): number {
  return fontPx > 0 ? Math.min(1, minPx / fontPx) : 1;
}

function bounds(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * How the designer opens a route: the whole route when it fits at a readable zoom (centred, at most 100 %);
 * else at the readable zoom, with the Start step `padding` px from the left edge and the route's rows centred on
 * the Start step when they do not all fit (rows of a route that fits in height are all shown).
 */
export function openingViewport(steps: readonly Rect[], start: Rect | undefined, pane: { width: number; height: number }, minZoom: number, padding = 24): Viewport {
  if (steps.length === 0 || pane.width <= 0 || pane.height <= 0) return { x: padding, y: padding, zoom: 1 };
  const all = bounds(steps);
  const fit = Math.min(1, (pane.width - 2 * padding) / all.width, (pane.height - 2 * padding) / all.height);
  if (fit >= minZoom) {
    return {
      zoom: fit,
      x: (pane.width - all.width * fit) / 2 - all.x * fit,
      y: (pane.height - all.height * fit) / 2 - all.y * fit,
    };
  }
  const zoom = minZoom;
  const anchor = start ?? steps.reduce((l, r) => (r.x < l.x ? r : l));
  const x = padding - anchor.x * zoom;
  const y =
    all.height * zoom <= pane.height - 2 * padding
      ? (pane.height - all.height * zoom) / 2 - all.y * zoom
      : pane.height / 2 - (anchor.y + anchor.height / 2) * zoom;
  return { x, y, zoom };
}
