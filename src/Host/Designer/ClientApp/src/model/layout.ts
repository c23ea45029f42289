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
