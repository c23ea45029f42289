import type { ActivityDescriptor, Definition } from '../types';
import type { MappedErrors } from '../model/errors';
import { activityLabel, edgeIds, portLabelOf } from '../model/definition';
import { plural } from '../labels';

interface Props {
  errors: MappedErrors;
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  onGotoNode: (id: string) => void;
  onGotoEdge: (id: string) => void;
}

/** Every error the server found in the saved draft, each with a way to the step or connection it concerns. */
export function ErrorList({ errors, definition, descriptors, onGotoNode, onGotoEdge }: Props) {
  const label = (id: string) => {
    const a = definition.root.activities.find((x) => x.id === id);
    return a ? `${activityLabel(a, descriptors.get(a.type))} (${id})` : id;
  };
  // A connection by the steps it joins and the label of the exit it leaves from, as the canvas shows it.
  const ids = edgeIds(definition.root.connections);
  const connection = (edgeId: string) => {
    const c = definition.root.connections[ids.indexOf(edgeId)];
    if (!c) return edgeId.replace(/#\d+$/, '').replace(':', ' → ').replace('->', ' → ');
    const source = definition.root.activities.find((x) => x.id === c.source.activity);
    const port = portLabelOf(source, source ? descriptors.get(source.type) : undefined, c.source.port);
    return `van ${label(c.source.activity)}, uitgang “${port}”, naar ${label(c.target.activity)}`;
  };
  return (
    <section className="ontwerper-section" aria-labelledby="ontwerper-fouten-kop" data-testid="foutenlijst">
      <h2 id="ontwerper-fouten-kop">
        Fouten in het concept{errors.all.length > 0 ? ` (${errors.all.length})` : ''}
      </h2>
      {errors.all.length === 0 ? (
        <p data-testid="geen-fouten">Geen fouten: het concept kan worden gepubliceerd.</p>
      ) : (
        <>
          <p>
            {plural(errors.all.length, 'fout', 'fouten')}. Publiceren kan pas als ze zijn opgelost; de stappen en verbindingen met een fout
            zijn op het canvas gemarkeerd met ⚠.
          </p>
          <ul className="ontwerper-error-list">
            {errors.all.map((e, i) => (
              <li key={i} data-testid="fout" data-path={e.path} data-node-id={e.nodeId} data-edge-id={e.edgeId}>
                {e.nodeId ? (
                  <>
                    <strong>Stap {label(e.nodeId)}</strong>
                    {e.input ? <> – invoer <code>{e.input}</code></> : null}: {e.message}{' '}
                    <button type="button" className="ontwerper-link-button" onClick={() => onGotoNode(e.nodeId!)}>
                      Naar de stap {e.nodeId}
                    </button>
                  </>
                ) : e.edgeId ? (
                  <>
                    <strong>Verbinding {connection(e.edgeId)}</strong>: {e.message}{' '}
                    <button type="button" className="ontwerper-link-button" onClick={() => onGotoEdge(e.edgeId!)}>
                      Naar de verbinding
                    </button>
                  </>
                ) : (
                  <>
                    <strong>Route</strong>: {e.message}
                  </>
                )}{' '}
                <code className="ontwerper-path">{e.path}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
