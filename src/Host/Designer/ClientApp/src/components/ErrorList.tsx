import type { ActivityDescriptor, Definition } from '../types';
import { placeOf, plainMessage, type LocatedError, type MappedErrors, type Names } from '../model/errors';
import { edgeIds, portLabelOf, stepTitle } from '../model/definition';
import { plural } from '../labels';
import type { DataKind } from '../model/routeData';

interface Props {
  errors: MappedErrors;
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  /** Selects the step, centres it and puts the focus in the field (when the error names one). */
  onGotoNode: (id: string, input?: string) => void;
  onGotoEdge: (id: string) => void;
  onGotoRouteData: (kind: DataKind, name: string) => void;
}

/** The names a person reads for the steps, fields, connections and route data of this definition. */
export function namesOf(definition: Definition, descriptors: ReadonlyMap<string, ActivityDescriptor>): Names {
  const find = (id: string) => definition.root.activities.find((x) => x.id === id);
  const step = (id: string) => {
    const a = find(id);
    return stepTitle(a, a ? descriptors.get(a.type) : undefined);
  };
  const ids = edgeIds(definition.root.connections);
  return {
    step,
    field: (id, input) => {
      const a = find(id);
      const d = a ? descriptors.get(a.type)?.inputs.find((i) => i.name === input) : undefined;
      return d?.displayName?.trim() || null;
    },
    connection: (edgeId) => {
      const c = definition.root.connections[ids.indexOf(edgeId)];
      if (!c) return null;
      const source = find(c.source.activity);
      const port = portLabelOf(source, source ? descriptors.get(source.type) : undefined, c.source.port);
      // A connection to a step that is not there names no id: the step is missing.
      const target = find(c.target.activity) ? `‘${step(c.target.activity)}’` : 'een stap die niet bestaat';
      return `van ‘${step(c.source.activity)}’, uitgang ‘${port}’, naar ${target}`;
    },
    routeData: (kind, name) => {
      const list = kind === 'input' ? (definition.inputs ?? []) : (definition.variables ?? []);
      const item = list.find((x) => x.name === name);
      return item ? item.displayName?.trim() || item.name : null;
    },
  };
}

/**
 * Every error the server found in the saved draft, by the step's title and the field's Dutch name; each one that has
 * a place is a button that goes there (the step selected and centred, the focus in the field). No JSON path, no code.
 */
export function ErrorList({ errors, definition, descriptors, onGotoNode, onGotoEdge, onGotoRouteData }: Props) {
  const names = namesOf(definition, descriptors);
  const go = (e: LocatedError) => {
    if (e.nodeId) onGotoNode(e.nodeId, e.input);
    else if (e.edgeId) onGotoEdge(e.edgeId);
    else if (e.routeInput) onGotoRouteData('input', e.routeInput);
    else if (e.variable) onGotoRouteData('variable', e.variable);
  };
  return (
    <section className="ontwerper-section" aria-labelledby="ontwerper-fouten-kop" data-testid="foutenlijst">
      <h2 id="ontwerper-fouten-kop">Fouten in het concept{errors.all.length > 0 ? ` (${errors.all.length})` : ''}</h2>
      {errors.all.length === 0 ? (
        <p data-testid="geen-fouten">Geen fouten: het concept kan worden gepubliceerd.</p>
      ) : (
        <>
          <p>
            {plural(errors.all.length, 'fout', 'fouten')}. Publiceren kan pas als ze zijn opgelost. Klik op een fout om naar de stap en het veld te gaan; op
            het canvas staat ⚠ bij de stappen en verbindingen met een fout.
          </p>
          <ul className="ontwerper-error-list">
            {errors.all.map((e, i) => {
              const place = placeOf(e, names);
              const text = (
                <>
                  <strong>{place.where}</strong>: {plainMessage(e.message)}
                </>
              );
              return (
                <li key={i} data-testid="fout" data-path={e.path} data-node-id={e.nodeId} data-edge-id={e.edgeId} data-input={e.input}>
                  {place.goto ? (
                    <button type="button" className="ontwerper-error-link" onClick={() => go(e)}>
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
