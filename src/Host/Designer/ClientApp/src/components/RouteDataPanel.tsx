import { useEffect, useState, type FormEvent } from 'react';
import type { Definition, DefinitionInput, DefinitionVariable } from '../types';
import {
  addField,
  addInput,
  addVariable,
  choicesOf,
  fieldsOf,
  INPUT_TYPES,
  inputTypeLabel,
  newChoice,
  removeData,
  removeField,
  renameData,
  renameField,
  setChoices,
  updateField,
  updateInput,
  updateVariable,
  usagesOf,
  listSteps,
  type DataKind,
  type Outcome,
} from '../model/routeData';
import type { LocatedError } from '../model/errors';
import { plainMessage } from '../model/errors';

type Commit = (update: (def: Definition) => Definition, coalesceKey?: string) => void;

/** A request from elsewhere (an error in the list) to open one item and put the focus in it. */
export interface RouteDataFocus {
  kind: DataKind;
  name: string;
  nonce: number;
}

interface Props {
  definition: Definition;
  commit: Commit;
  errors: readonly LocatedError[];
  focus: RouteDataFocus | null;
  onAnnounce: (text: string) => void;
}

const FIELD_TYPES = INPUT_TYPES.filter((t) => ['string', 'number', 'boolean', 'date'].includes(t.value));

const key = (kind: DataKind, name: string) => `${kind}:${name}`;
const dom = (kind: DataKind, name: string) => `gegevens-${kind === 'input' ? 'invoer' : 'variabele'}-${name}`;

/**
 * "Gegevens van de route": the route's inputs (filled in when a proposal starts) and variables (filled in by steps),
 * each with its Dutch name, its kind in words, whether it is required, its help text, the values of a choice with
 * their labels and a variable's fields; a rename of the technical name follows every rule and text that uses it.
 */
export function RouteDataPanel({ definition, commit, errors, focus, onAnnounce }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [messages, setMessages] = useState<ReadonlyMap<string, string>>(new Map());
  const inputs = definition.inputs ?? [];
  const variables = definition.variables ?? [];

  useEffect(() => {
    if (!focus) return;
    setOpen((o) => new Set(o).add(key(focus.kind, focus.name)));
    const timer = setTimeout(() => {
      const field = document.getElementById(`${dom(focus.kind, focus.name)}-naam`);
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    }, 30);
    return () => clearTimeout(timer);
  }, [focus]);

  const say = (k: string, text: string | null) =>
    setMessages((m) => {
      const next = new Map(m);
      if (text) next.set(k, text);
      else next.delete(k);
      return next;
    });

  /** Applies an outcome: the change, or the reason it was refused (shown at the item). */
  const apply = (k: string, outcome: Outcome, done: string, onDone?: () => void) => {
    if (!outcome.ok) {
      say(k, outcome.message);
      onAnnounce(outcome.message);
      return;
    }
    say(k, null);
    commit(() => outcome.definition);
    onAnnounce(done);
    onDone?.();
  };

  const toggle = (k: string, isOpen: boolean) =>
    setOpen((o) => {
      const next = new Set(o);
      if (isOpen) next.add(k);
      else next.delete(k);
      return next;
    });

  const rename = (kind: DataKind, from: string, to: string) => {
    const k = key(kind, from);
    const users = new Set(usagesOf(definition, kind, from).map((u) => u.activityId)).size;
    apply(k, renameData(definition, kind, from, to.trim()), `Hernoemd naar ${to.trim()}${users > 0 ? `; ${users === 1 ? '1 stap is' : `${users} stappen zijn`} aangepast` : ''}.`, () =>
      setOpen((o) => new Set([...o].filter((x) => x !== k)).add(key(kind, to.trim()))),
    );
  };

  const errorsOf = (kind: DataKind, name: string) => errors.filter((e) => (kind === 'input' ? e.routeInput === name : e.variable === name));

  return (
    <section className="ontwerper-section ontwerper-data" aria-labelledby="ontwerper-gegevens-kop" data-testid="gegevens">
      <h2 id="ontwerper-gegevens-kop" tabIndex={-1}>
        Gegevens van de route
      </h2>
      <p className="ontwerper-hint">
        De invoer vult het secretariaat in bij het starten van een voorstel. Variabelen vullen de stappen onderweg. Regels, berekende waarden en
        teksten in de stappen gebruiken ze; een nieuwe technische naam wordt daar overal meegenomen.
      </p>

      <h3>Invoer bij het starten</h3>
      {inputs.length === 0 && <p>Nog geen invoer.</p>}
      {inputs.map((input) => (
        <InputItem
          key={input.name}
          input={input}
          definition={definition}
          commit={commit}
          open={open.has(key('input', input.name))}
          onToggle={(o) => toggle(key('input', input.name), o)}
          message={messages.get(key('input', input.name)) ?? null}
          errors={errorsOf('input', input.name)}
          onRename={(to) => rename('input', input.name, to)}
          onRemove={() => apply(key('input', input.name), removeData(definition, 'input', input.name), `Invoer ‘${input.displayName || input.name}’ verwijderd.`)}
        />
      ))}
      <AddForm
        testId="invoer-toevoegen"
        label="Nieuwe invoer"
        button="Invoer toevoegen"
        withType
        onAdd={(name, type) => {
          const added = addInput(definition, name, type);
          commit(() => added.definition);
          setOpen((o) => new Set(o).add(key('input', added.name)));
          onAnnounce(`Invoer ‘${name}’ toegevoegd.`);
        }}
      />

      <h3>Variabelen</h3>
      {variables.length === 0 && <p>Nog geen variabelen.</p>}
      {variables.map((variable) => (
        <VariableItem
          key={variable.name}
          variable={variable}
          definition={definition}
          commit={commit}
          open={open.has(key('variable', variable.name))}
          onToggle={(o) => toggle(key('variable', variable.name), o)}
          message={messages.get(key('variable', variable.name)) ?? null}
          errors={errorsOf('variable', variable.name)}
          onRename={(to) => rename('variable', variable.name, to)}
          onRemove={() =>
            apply(key('variable', variable.name), removeData(definition, 'variable', variable.name), `Variabele ‘${variable.displayName || variable.name}’ verwijderd.`)
          }
          onOutcome={(outcome, done) => apply(key('variable', variable.name), outcome, done)}
        />
      ))}
      <AddForm
        testId="variabele-toevoegen"
        label="Nieuwe variabele"
        button="Variabele toevoegen"
        onAdd={(name) => {
          const added = addVariable(definition, name);
          commit(() => added.definition);
          setOpen((o) => new Set(o).add(key('variable', added.name)));
          onAnnounce(`Variabele ‘${name}’ toegevoegd.`);
        }}
      />
    </section>
  );
}

function AddForm({ testId, label, button, withType = false, onAdd }: { testId: string; label: string; button: string; withType?: boolean; onAdd: (name: string, type: string) => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState('string');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setError('Geef een naam.');
      return;
    }
    onAdd(name.trim(), type);
    setName('');
    setError(null);
  };
  return (
    <form className="ontwerper-data__add" onSubmit={submit} data-testid={testId}>
      <div className="form-field">
        <label className="form-label" htmlFor={`${testId}-naam`}>
          {label}: naam
        </label>
        {error && (
          <p className="form-field__error" id={`${testId}-fout`}>
            {error}
          </p>
        )}
        <input id={`${testId}-naam`} className="form-input" value={name} onChange={(e) => setName(e.target.value)} aria-describedby={error ? `${testId}-fout` : undefined} data-testid={`${testId}-naam`} />
      </div>
      {withType && (
        <div className="form-field">
          <label className="form-label" htmlFor={`${testId}-soort`}>
            Soort
          </label>
          <select id={`${testId}-soort`} className="form-input" value={type} onChange={(e) => setType(e.target.value)} data-testid={`${testId}-soort`}>
            {INPUT_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="button button--small">
        {button}
      </button>
    </form>
  );
}

/** The technical name with a button to rename it (a rename only happens on purpose, never while typing). */
function TechnicalName({ id, name, onRename, hint }: { id: string; name: string; onRename: (to: string) => void; hint: string }) {
  // The item is keyed by the name, so after a rename this starts again from the new name.
  const [value, setValue] = useState(name);
  return (
    <div className="form-field">
      <label className="form-label" htmlFor={`${id}-technisch`}>
        Technische naam
      </label>
      <p className="ontwerper-hint" id={`${id}-technisch-uitleg`}>
        {hint}
      </p>
      <div className="ontwerper-data__row">
        <input
          id={`${id}-technisch`}
          className="form-input ontwerper-code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={`${id}-technisch-uitleg`}
          data-testid={`${id}-technisch`}
        />
        <button type="button" className="button button--small" disabled={value.trim() === name} onClick={() => onRename(value)} data-testid={`${id}-hernoemen`}>
          Hernoemen
        </button>
      </div>
    </div>
  );
}

interface ItemProps {
  definition: Definition;
  commit: Commit;
  open: boolean;
  onToggle: (open: boolean) => void;
  message: string | null;
  errors: readonly LocatedError[];
  onRename: (to: string) => void;
  onRemove: () => void;
}

function Problems({ id, message, errors }: { id: string; message: string | null; errors: readonly LocatedError[] }) {
  if (!message && errors.length === 0) return null;
  return (
    <div className="error-summary ontwerper-errors-inline" role="alert" data-testid={`${id}-melding`}>
      {message && <p>{message}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((e, i) => (
            <li key={i}>{plainMessage(e.message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UsedBy({ definition, kind, name }: { definition: Definition; kind: DataKind; name: string }) {
  const steps = [...new Set(usagesOf(definition, kind, name).map((u) => u.step))];
  return <p className="ontwerper-hint">{steps.length === 0 ? 'Geen stap gebruikt dit gegeven.' : `Gebruikt in ${steps.length === 1 ? 'de stap' : 'de stappen'} ${listSteps(steps)}.`}</p>;
}

function InputItem({ input, definition, commit, open, onToggle, message, errors, onRename, onRemove }: ItemProps & { input: DefinitionInput }) {
  const id = dom('input', input.name);
  const type = input.type ?? 'string';
  const choices = choicesOf(input);
  const [newLabel, setNewLabel] = useState('');
  const edit = (patch: Partial<DefinitionInput>, field: string) => commit((d) => updateInput(d, input.name, patch), `gegevens:invoer:${input.name}:${field}`);
  const description = typeof input['description'] === 'string' ? input['description'] : '';
  return (
    <details className="ontwerper-data__item" open={open} onToggle={(e) => onToggle(e.currentTarget.open)} id={id} data-testid={id}>
      <summary>
        <strong>{input.displayName?.trim() || input.name}</strong> — {inputTypeLabel(input.type)}
        {input.required ? ', verplicht' : ''}
        {errors.length > 0 && <span className="ontwerper-data__error"> ⚠ {errors.length === 1 ? '1 fout' : `${errors.length} fouten`}</span>}
      </summary>
      <Problems id={id} message={message} errors={errors} />
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-naam`}>
          Naam
        </label>
        <input id={`${id}-naam`} className="form-input" value={input.displayName ?? ''} onChange={(e) => edit({ displayName: e.target.value }, 'naam')} data-testid={`${id}-naam`} />
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-soort`}>
          Soort
        </label>
        <select id={`${id}-soort`} className="form-input" value={type} onChange={(e) => edit({ type: e.target.value }, 'soort')} data-testid={`${id}-soort`}>
          {INPUT_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
          {!INPUT_TYPES.some((t) => t.value === type) && <option value={type}>{inputTypeLabel(type)}</option>}
        </select>
      </div>
      <div className="form-field">
        <input id={`${id}-verplicht`} type="checkbox" checked={input.required === true} onChange={(e) => edit({ required: e.target.checked }, 'verplicht')} data-testid={`${id}-verplicht`} />{' '}
        <label htmlFor={`${id}-verplicht`} className="ontwerper-checkbox-label">
          Verplicht bij het starten
        </label>
      </div>
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-uitleg`}>
          Uitleg bij het invullen
        </label>
        <textarea id={`${id}-uitleg`} className="form-input" rows={2} value={description} onChange={(e) => edit({ description: e.target.value }, 'uitleg')} data-testid={`${id}-uitleg`} />
      </div>
      {type === 'choice' && (
        <fieldset className="ontwerper-data__choices" data-testid={`${id}-waarden`}>
          <legend>Waarden om uit te kiezen</legend>
          {choices.length === 0 && <p className="ontwerper-hint">Nog geen waarden; voeg er minstens één toe.</p>}
          <ol>
            {choices.map((c, i) => (
              <li key={c.value}>
                <label className="visually-hidden" htmlFor={`${id}-waarde-${i}`}>
                  Waarde {i + 1}
                </label>
                <input
                  id={`${id}-waarde-${i}`}
                  className="form-input"
                  value={c.label}
                  onChange={(e) => commit((d) => setChoices(d, input.name, choices.map((x, j) => (j === i ? { ...x, label: e.target.value } : x))), `gegevens:invoer:${input.name}:waarde:${i}`)}
                  data-testid={`${id}-waarde-${i}`}
                />
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => commit((d) => setChoices(d, input.name, choices.filter((_, j) => j !== i)))}
                  aria-label={`Waarde ‘${c.label}’ verwijderen`}
                >
                  Verwijderen
                </button>
              </li>
            ))}
          </ol>
          <div className="ontwerper-data__row">
            <label className="visually-hidden" htmlFor={`${id}-nieuwe-waarde`}>
              Nieuwe waarde
            </label>
            <input
              id={`${id}-nieuwe-waarde`}
              className="form-input"
              placeholder="Nieuwe waarde"
              value={newLabel}
              onChange={(e) => setNewLabel(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  (e.currentTarget.nextElementSibling as HTMLButtonElement | null)?.click();
                }
              }}
              data-testid={`${id}-nieuwe-waarde`}
            />
            <button
              type="button"
              className="button button--small"
              disabled={newLabel.trim() === ''}
              onClick={() => {
                commit((d) => setChoices(d, input.name, [...choices, newChoice(choices, newLabel.trim())]));
                setNewLabel('');
              }}
              data-testid={`${id}-waarde-toevoegen`}
            >
              Waarde toevoegen
            </button>
          </div>
        </fieldset>
      )}
      <TechnicalName id={id} name={input.name} onRename={onRename} hint={`Zo heet het gegeven in regels en teksten: {input.${input.name}}. Hernoemen past elke stap aan die het gebruikt.`} />
      <UsedBy definition={definition} kind="input" name={input.name} />
      <button type="button" className="button button--secondary-outline" onClick={onRemove} data-testid={`${id}-verwijderen`}>
        Invoer verwijderen
      </button>
    </details>
  );
}

function VariableItem({
  variable,
  definition,
  commit,
  open,
  onToggle,
  message,
  errors,
  onRename,
  onRemove,
  onOutcome,
}: ItemProps & { variable: DefinitionVariable; onOutcome: (outcome: Outcome, done: string) => void }) {
  const id = dom('variable', variable.name);
  const fields = fieldsOf(variable);
  const [newField, setNewField] = useState('');
  return (
    <details className="ontwerper-data__item" open={open} onToggle={(e) => onToggle(e.currentTarget.open)} id={id} data-testid={id}>
      <summary>
        <strong>{variable.displayName?.trim() || variable.name}</strong>
        {fields.length > 0 ? ` — ${fields.length === 1 ? '1 veld' : `${fields.length} velden`}` : ''}
        {errors.length > 0 && <span className="ontwerper-data__error"> ⚠ {errors.length === 1 ? '1 fout' : `${errors.length} fouten`}</span>}
      </summary>
      <Problems id={id} message={message} errors={errors} />
      <div className="form-field">
        <label className="form-label" htmlFor={`${id}-naam`}>
          Naam
        </label>
        <input
          id={`${id}-naam`}
          className="form-input"
          value={variable.displayName ?? ''}
          onChange={(e) => commit((d) => updateVariable(d, variable.name, { displayName: e.target.value }), `gegevens:variabele:${variable.name}:naam`)}
          data-testid={`${id}-naam`}
        />
      </div>
      <fieldset className="ontwerper-data__choices" data-testid={`${id}-velden`}>
        <legend>Velden</legend>
        {fields.length === 0 && <p className="ontwerper-hint">Geen velden: de stap bewaart hier één waarde.</p>}
        {fields.map((f, i) => (
          <div key={f.name} className="ontwerper-data__field">
            <label className="ontwerper-small-label" htmlFor={`${id}-veld-${i}`}>
              Veld {i + 1}: naam
            </label>
            <input
              id={`${id}-veld-${i}`}
              className="form-input"
              value={f.displayName ?? ''}
              onChange={(e) => commit((d) => updateField(d, variable.name, f.name, { displayName: e.target.value }), `gegevens:veld:${variable.name}:${f.name}`)}
            />
            <label className="ontwerper-small-label" htmlFor={`${id}-veld-${i}-soort`}>
              Soort
            </label>
            <select
              id={`${id}-veld-${i}-soort`}
              className="form-input"
              value={f.type ?? 'string'}
              onChange={(e) => commit((d) => updateField(d, variable.name, f.name, { type: e.target.value }))}
            >
              {FIELD_TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
            <TechnicalName
              id={`${id}-veld-${i}`}
              name={f.name}
              hint={`Zo heet het veld in regels en teksten: {variables.${variable.name}.${f.name}}.`}
              onRename={(to) => onOutcome(renameField(definition, variable.name, f.name, to.trim()), `Veld hernoemd naar ${to.trim()}.`)}
            />
            <button
              type="button"
              className="button button--small"
              onClick={() => onOutcome(removeField(definition, variable.name, f.name), 'Veld verwijderd.')}
              aria-label={`Veld ‘${f.displayName || f.name}’ verwijderen`}
            >
              Veld verwijderen
            </button>
          </div>
        ))}
        <div className="ontwerper-data__row">
          <label className="visually-hidden" htmlFor={`${id}-nieuw-veld`}>
            Nieuw veld
          </label>
          <input id={`${id}-nieuw-veld`} className="form-input" placeholder="Nieuw veld" value={newField} onChange={(e) => setNewField(e.target.value)} />
          <button
            type="button"
            className="button button--small"
            disabled={newField.trim() === ''}
            onClick={() => {
              commit((d) => addField(d, variable.name, newField.trim()));
              setNewField('');
            }}
          >
            Veld toevoegen
          </button>
        </div>
      </fieldset>
      <TechnicalName id={id} name={variable.name} onRename={onRename} hint={`Zo heet het gegeven in regels en teksten: {variables.${variable.name}}. Hernoemen past elke stap aan die het gebruikt.`} />
      <UsedBy definition={definition} kind="variable" name={variable.name} />
      <button type="button" className="button button--secondary-outline" onClick={onRemove} data-testid={`${id}-verwijderen`}>
        Variabele verwijderen
      </button>
    </details>
  );
}
