import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useEditor, type RouteFlowEdge } from './EditorContext';
import { plainMessage } from '../model/errors';

/**
 * A connection; a server error about it is drawn on it with the label of the exit it leaves from, and a test run's
 * path is drawn thicker.
 */
export function RouteEdge(props: EdgeProps<RouteFlowEdge>) {
  const { errors, highlight } = useEditor();
  const [path, labelX, labelY] = getBezierPath(props);
  const edgeErrors = errors.byEdge.get(props.id) ?? [];
  const onPath = highlight?.edges.has(props.id) ?? false;
  const classes = ['ontwerper-edge'];
  if (edgeErrors.length > 0) classes.push('ontwerper-edge--error');
  if (onPath) classes.push('ontwerper-edge--path');
  if (props.selected) classes.push('ontwerper-edge--selected');
  return (
    <>
      <BaseEdge id={props.id} path={path} className={classes.join(' ')} interactionWidth={24} {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})} />
      {edgeErrors.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className="ontwerper-edge__error nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`verbinding-fout-${props.id}`}
            data-edge-id={props.id}
            role="note"
            title={edgeErrors.map((e) => plainMessage(e.message)).join('\n')}
          >
            <span aria-hidden="true">⚠ </span>Fout bij uitgang “{props.data?.portLabel ?? props.data?.port}”: {plainMessage(edgeErrors[0]!.message)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
