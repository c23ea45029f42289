import type { ActivityDescriptor, Body, Definition, Json } from '../types';
import {
  activityLabel,
  edgeIds,
  portLabelOf,
  portsOf,
  renamePort,
  setDefinitionField,
  setDisplayName,
  setInput,
  setPortTarget,
  removeElements,
  variableLabelOf,
} from '../model/definition';
import type { MappedErrors } from '../model/errors';
import { InputEditor } from './InputEditor';
import { subjectsOf, type Subject } from '../model/conditions';
import { session } from '../session';

export type Commit = (update: (def: Definition) => Definition, coalesceKey?: string) => void;

interface Props {
  definition: Definition;
  selectedIds: readonly string[];
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  bodies: readonly Body[];
  errors: MappedErrors;
  commit: Commit;
  onSelect: (id: string | null) => void;
  onDeleteSelected: () => void;
  /** A word about the selected step from the canvas (e.g. "Nog niet verbonden" after it was added). */
  notice?: string | undefined;
}

/**
 * The properties of the selected step, generated from its descriptor, with a "Verbinden" section that connects
 * every exit with a select (the keyboard way to connect); without a selection, the route's own name and text.
 */
export function PropertyPanel({ definition, selectedIds, descriptors, bodies, errors, commit, onSelect, onDeleteSelected, notice }: Props) {
  const activities = definition.root.activities;
  const selectedId = selectedIds.length === 1 ? selectedIds[0]! : null;
  const activity = selectedId ? activities.find((a) => a.id === selectedId) : undefined;
  // What rules, per-value choices and texts may use: the route's inputs and variables, by their Dutch names.
  const subjects = subjectsOf(definition);
  const labels = activities.map((a) => activityLabel(a, descriptors.get(a.type)));
  // A step is named by its title; only two steps with the same title are told apart by their id.
  const optionText = (index: number) => (labels.indexOf(labels[index]!) !== labels.lastIndexOf(labels[index]!) ? `${labels[index]} (${activities[index]!.id})` : labels[index]!);

  return (
    <aside className="ontwerper-panel" aria-labelledby="ontwerper-eigenschappen-kop" data-testid="eigenschappen">
      <h2 id="ontwerper-eigenschappen-kop">Eigenschappen</h2>
      <div className="form-field">
        <label className="form-label" htmlFor="ontwerper-stap-kiezen">
          Stap kiezen
        </label>
        <select
          id="ontwerper-stap-kiezen"
          className="form-input"
          value={selectedId ?? ''}
          onChange={(e) => onSelect(e.target.value || null)}
          data-testid="stap-kiezen"
        >
          <option value="">{selectedIds.length > 1 ? `${selectedIds.length} stappen geselecteerd` : '— geen: de route zelf —'}</option>
          {activities.map((a, i) => (
            <option key={a.id} value={a.id}>
              {optionText(i)}
            </option>
          ))}
        </select>
      </div>

      {activity && notice && (
        <p className="ontwerper-hint ontwerper-hint--warning" role="status" data-testid="stap-bericht">
          {notice}
        </p>
      )}
      {activity ? (
        <ActivityProperties
          key={activity.id}
          {...{ definition, descriptors, bodies, errors, commit, subjects, onDeleteSelected }}
          activityId={activity.id}
        />
      ) : selectedIds.length > 1 ? (
        <div>
          <p>{selectedIds.length} stappen geselecteerd. Kopieer ze met Ctrl+C, of verwijder ze.</p>
          <button type="button" className="button button--secondary-outline" onClick={onDeleteSelected}>
            Geselecteerde stappen verwijderen
          </button>
        </div>
      ) : (
        <RouteProperties definition={definition} commit={commit} />
      )}
    </aside>
  );
}

function RouteProperties({ definition, commit }: { definition: Definition; commit: Commit }) {
  return (
    <section aria-label="De route">
      <div className="form-field">
        <label className="form-label" htmlFor="ontwerper-route-naam">
          Naam van de route
        </label>
        <input
          id="ontwerper-route-naam"
          className="form-input"
          value={definition.name}
          onChange={(e) => commit((d) => setDefinitionField(d, 'name', e.target.value), 'route:name')}
          data-testid="route-naam"
        />
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor="ontwerper-route-omschrijving">
          Omschrijving
        </label>
        <textarea
          id="ontwerper-route-omschrijving"
          className="form-input"
          rows={5}
          value={definition.description ?? ''}
          onChange={(e) => commit((d) => setDefinitionField(d, 'description', e.target.value), 'route:description')}
          data-testid="route-omschrijving"
        />
      </div>
      <h3>Invoer van de route</h3>
      {(definition.inputs ?? []).length === 0 ? (
        <p>Geen.</p>
      ) : (
        <ul>
          {(definition.inputs ?? []).map((i) => (
            <li key={i.name}>
              {i.displayName?.trim() || i.name}
              {i.required ? ' (verplicht)' : ''}{' '}
            </li>
          ))}
        </ul>
      )}
      <h3>Variabelen</h3>
      {(definition.variables ?? []).length === 0 ? (
        <p>Geen.</p>
      ) : (
        <ul data-testid="route-variabelen">
          {(definition.variables ?? []).map((v) => (
            <li key={v.name}>
              {variableLabelOf(v)}
            </li>
          ))}
        </ul>
      )}
      <p className="ontwerper-hint">Invoer en variabelen wijzigt u onder “Gegevens van de route”, onder het canvas.</p>
    </section>
  );
}

interface ActivityProps {
  definition: Definition;
  activityId: string;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  bodies: readonly Body[];
  errors: MappedErrors;
  commit: Commit;
  subjects: Subject[];
  onDeleteSelected: () => void;
}

function ActivityProperties({ definition, activityId, descriptors, bodies, errors, commit, subjects, onDeleteSelected }: ActivityProps) {
  const activity = definition.root.activities.find((a) => a.id === activityId)!;
  const descriptor = descriptors.get(activity.type);
  const nodeErrors = errors.byNode.get(activity.id) ?? [];
  const general = nodeErrors.filter((e) => !e.input);
  const ports = portsOf(activity, descriptor);
  const portLabel = (port: string) => portLabelOf(activity, descriptor, port);
  const ids = edgeIds(definition.root.connections);
  const outgoing = definition.root.connections
    .map((c, i) => ({ c, id: ids[i]! }))
    .filter(({ c }) => c.source.activity === activity.id);
  const knownInputs = new Set(descriptor?.inputs.map((i) => i.name) ?? []);
  const unknownInputs = Object.keys(activity.inputs ?? {}).filter((n) => !knownInputs.has(n));
  const others = definition.root.activities.filter((a) => a.id !== activity.id);
  // A step by its title; by its id as well only where two steps share a title.
  const titles = definition.root.activities.map((a) => activityLabel(a, descriptors.get(a.type)));
  const stepName = (id: string) => {
    const index = definition.root.activities.findIndex((a) => a.id === id);
    const title = titles[index] ?? id;
    return titles.indexOf(title) !== titles.lastIndexOf(title) ? `${title} (${id})` : title;
  };

  const onInput = (name: string) => (value: Json | undefined, renames?: [string, string][]) =>
    commit((d) => {
      let next = setInput(d, activity.id, name, value);
      for (const [from, to] of renames ?? []) next = renamePort(next, activity.id, from, to);
      return next;
    }, `input:${activity.id}:${name}`);

  return (
    <section aria-label={`Stap ${activityLabel(activity, descriptor)}`} data-testid={`eigenschappen-${activity.id}`}>
      <dl className="ontwerper-facts">
        <dt>Soort stap</dt>
        <dd>{descriptor ? descriptor.displayName : `Onbekend type ${activity.type}`}</dd>
        {session().isAdministrator && (
          <>
            <dt>Id</dt>
            <dd>
              <code data-testid="stap-id">{activity.id}</code>
            </dd>
          </>
        )}
      </dl>
      {descriptor?.description && <p className="ontwerper-hint">{descriptor.description}</p>}
      {general.length > 0 && (
        <div className="error-summary ontwerper-errors-inline" role="group" aria-label="Fouten in deze stap">
          <ul>
            {general.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-field">
        <label className="form-label" htmlFor="ontwerper-weergavenaam">
          Naam van de stap
        </label>
        <input
          id="ontwerper-weergavenaam"
          className="form-input"
          value={activity.displayName ?? ''}
          onChange={(e) => commit((d) => setDisplayName(d, activity.id, e.target.value), `name:${activity.id}`)}
          data-testid="stap-naam"
        />
      </div>

      {descriptor && descriptor.inputs.length > 0 && (
        <>
          <h3>Invoer</h3>
          {descriptor.inputs.map((input) => (
            <InputEditor
              key={input.name}
              activity={activity}
              input={input}
              descriptor={descriptor}
              bodies={bodies}
              errors={nodeErrors.filter((e) => e.input === input.name)}
              subjects={subjects}
              route={definition}
              onChange={onInput(input.name)}
            />
          ))}
        </>
      )}
      {unknownInputs.length > 0 && (
        <>
          <h3>Onbekende invoer</h3>
          <ul>
            {unknownInputs.map((name) => (
              <li key={name}>
                <code>{name}</code>: <code>{JSON.stringify(activity.inputs?.[name])}</code>{' '}
                <button type="button" className="button button--small" onClick={() => onInput(name)(undefined)}>
                  {name} verwijderen
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3 id="ontwerper-verbinden-kop">Verbinden</h3>
      {ports.length === 0 ? (
        <p>Deze stap heeft geen uitgangen.</p>
      ) : (
        <div role="group" aria-labelledby="ontwerper-verbinden-kop" data-testid="verbinden">
          {ports.map((port) => {
            const fromPort = outgoing.filter(({ c }) => c.source.port === port);
            const first = fromPort[0];
            const selectId = `ontwerper-verbind-${port}`;
            return (
              <div className="form-field" key={port}>
                <label className="form-label" htmlFor={selectId}>
                  Uitgang “{portLabel(port)}” gaat naar
                </label>
                <select
                  id={selectId}
                  className="form-input"
                  value={first?.c.target.activity ?? ''}
                  onChange={(e) => commit((d) => setPortTarget(d, activity.id, port, e.target.value || null))}
                  data-testid={`verbind-${activity.id}-${port}`}
                >
                  <option value="">— niet verbonden —</option>
                  {others.map((a) => (
                    <option key={a.id} value={a.id}>
                      {stepName(a.id)}
                    </option>
                  ))}
                  {first && !others.some((a) => a.id === first.c.target.activity) && (
                    <option value={first.c.target.activity}>{first.c.target.activity} (bestaat niet)</option>
                  )}
                </select>
                {fromPort.slice(1).map(({ c, id }) => (
                  <p key={id} className="ontwerper-hint">
                    Ook naar <code>{c.target.activity}</code>{' '}
                    <button type="button" className="button button--small" onClick={() => commit((d) => removeElements(d, [], [id]))}>
                      Verbinding naar {c.target.activity} verwijderen
                    </button>
                  </p>
                ))}
              </div>
            );
          })}
        </div>
      )}
      {outgoing.some(({ c }) => !ports.includes(c.source.port)) && (
        <div className="form-field">
          <p className="form-field__error">Verbindingen vanuit uitgangen die deze stap niet heeft:</p>
          <ul>
            {outgoing
              .filter(({ c }) => !ports.includes(c.source.port))
              .map(({ c, id }) => (
                <li key={id}>
                  {c.source.port} → {c.target.activity}{' '}
                  <button type="button" className="button button--small" onClick={() => commit((d) => removeElements(d, [], [id]))}>
                    Verbinding {c.source.port} verwijderen
                  </button>
                </li>
              ))}
          </ul>
        </div>
      )}
      <button type="button" className="button button--secondary-outline" onClick={onDeleteSelected} data-testid="stap-verwijderen">
        Stap verwijderen
      </button>
    </section>
  );
}
