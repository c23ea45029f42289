import { useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { activityLabel, portLabelOf, portsOf, TARGET_PORT } from '../model/definition';
import { plural } from '../labels';
import { useEditor, type ActivityFlowNode } from './EditorContext';
import { plainMessage } from '../model/errors';
import { session } from '../session';

/**
 * A step on the canvas: its type, name (and for an administrator its id), its entry on the left and one exit per outcome port on the right.
 * The handles are for the mouse (they cannot take focus); the keyboard connects in the property panel.
 */
export function ActivityNode({ id, data, selected }: NodeProps<ActivityFlowNode>) {
  const { descriptors, errors, highlight } = useEditor();
  const { activity } = data;
  const descriptor = descriptors.get(activity.type);
  const label = activityLabel(activity, descriptor);
  const ports = portsOf(activity, descriptor);
  const portLabel = (port: string) => portLabelOf(activity, descriptor, port);
  const unknown = data.unknownPorts.filter((p) => !ports.includes(p));
  const nodeErrors = errors.byNode.get(id) ?? [];
  const looseErrors = data.looseEnds.flatMap((l) => errors.byEdge.get(l.edgeId) ?? []);
  const step = highlight?.order.get(id);
  const showEntry = !descriptor?.isStart || data.hasIncoming;

  // Handles come and go with the ports (a Fork's branches, a Switch's cases): tell React Flow to measure again.
  // Not on mount: React Flow measures new nodes itself, and an early call would make the initial fitView see
  // only this node.
  const updateNodeInternals = useUpdateNodeInternals();
  const portKey = [...ports, ...unknown].join('\u0000') + (showEntry ? '+in' : '');
  const measuredKey = useRef(portKey);
  useEffect(() => {
    if (measuredKey.current === portKey) return;
    measuredKey.current = portKey;
    updateNodeInternals(id);
  }, [id, portKey, updateNodeInternals]);

  const classes = ['ontwerper-node'];
  if (selected) classes.push('ontwerper-node--selected');
  if (nodeErrors.length > 0 || looseErrors.length > 0) classes.push('ontwerper-node--error');
  if (step !== undefined) classes.push('ontwerper-node--path');
  if (!descriptor) classes.push('ontwerper-node--unknown');

  return (
    <div className={classes.join(' ')} data-testid={`stap-${id}`}>
      {showEntry && (
        <Handle
          type="target"
          position={Position.Left}
          id={TARGET_PORT}
          className="ontwerper-handle ontwerper-handle--in"
          data-testid={`poort-${id}-${TARGET_PORT}`}
          title={`Ingang van ${label}`}
        />
      )}
      <div className="ontwerper-node__type">{descriptor?.displayName ?? `Onbekend type ${activity.type}`}</div>
      <div className="ontwerper-node__title">{label}</div>
      {session().isAdministrator && <div className="ontwerper-node__id">{id}</div>}
      {nodeErrors.length > 0 && (
        <div className="ontwerper-node__errors" data-testid={`stap-fouten-${id}`} title={nodeErrors.map((e) => plainMessage(e.message)).join('\n')}>
          <span aria-hidden="true">⚠ </span>
          {plural(nodeErrors.length, 'fout', 'fouten')}: {plainMessage(nodeErrors[0]!.message)}
        </div>
      )}
      {step !== undefined && (
        <div className="ontwerper-node__path" data-testid={`stap-testrun-${id}`}>
          Testrun: stap {step}
        </div>
      )}
      {(ports.length > 0 || unknown.length > 0 || data.looseEnds.length > 0) && (
        <ul className="ontwerper-node__ports" aria-label="Uitgangen">
          {ports.map((port) => (
            <li key={port} className="ontwerper-node__port">
              <span>{portLabel(port)}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                className="ontwerper-handle ontwerper-handle--out"
                data-testid={`poort-${id}-${port}`}
                title={`Uitgang “${portLabel(port)}” van ${label}`}
              />
            </li>
          ))}
          {unknown.map((port) => (
            <li key={`?${port}`} className="ontwerper-node__port ontwerper-node__port--unknown">
              <span>{port} (onbekende uitgang)</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                isConnectable={false}
                className="ontwerper-handle ontwerper-handle--out ontwerper-handle--unknown"
                data-testid={`poort-${id}-${port}`}
                title={`Onbekende uitgang ${port} van ${label}`}
              />
            </li>
          ))}
          {data.looseEnds.map((l) => {
            const edgeErrors = errors.byEdge.get(l.edgeId) ?? [];
            return (
              <li
                key={`!${l.edgeId}`}
                className="ontwerper-node__loose"
                data-testid={`verbinding-fout-${l.edgeId}`}
                data-edge-id={l.edgeId}
                role="note"
                title={edgeErrors.map((e) => plainMessage(e.message)).join('\n') || undefined}
              >
                <span aria-hidden="true">⚠ </span>
                {portLabel(l.port)} → {l.target}: {edgeErrors[0] ? plainMessage(edgeErrors[0].message) : 'deze stap bestaat niet'}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
