import { useId, type ReactNode } from 'react';
import type { Activity, ActivityDescriptor, Body, InputDescriptor, Json, JsonObject } from '../types';
import { choiceLabelOf, isExpression, portLabelOf, withCaseLabel } from '../model/definition';
import { formatDateTime } from '../labels';
import { fromDutchLocal, toDutchLocal } from '../model/moment';
import { MAIL_PLACEHOLDERS, previewMail, unknownPlaceholders } from '../model/mail';
import type { LocatedError } from '../model/errors';
import { ConditionEditor } from './ConditionEditor';
import { DraftText, integerFormat, jsonFormat } from './DraftText';
import { DurationPicker } from './DurationPicker';

export interface InputEditorProps {
  activity: Activity;
  input: InputDescriptor;
  descriptor: ActivityDescriptor;
  bodies: readonly Body[];
  errors: readonly LocatedError[];
  /** `input.x` / `variables.y` for the condition builder. */
  subjects: readonly string[];
  /** What a person reads for each subject (a variable's display name). */
  subjectLabels?: Readonly<Record<string, string>> | undefined;
  /** A new value (undefined: remove it, so the default applies); renames: ports renamed with a list item. */
  onChange: (value: Json | undefined, renames?: [string, string][]) => void;
}

// Inputs that name bodies of the governance model, and which bodies fit them.
const BODY_INPUTS: Record<string, (b: Body) => boolean> = {
  orgaan: (b) => b.kind !== 'Gemeenteraad' && b.kind !== 'College',
  groep: (b) => b.kind === 'Voorbereidingsgroep' || b.kind === 'Partnergroep',
};
const BODY_LIST_INPUTS: Record<string, (b: Body) => boolean> = {
  raden: (b) => b.kind === 'Gemeenteraad',
  colleges: (b) => b.kind === 'College',
  aan: () => true,
};
const EXTRA_LIST_CHOICES: Record<string, { id: string; name: string }[]> = {
  aan: [
    { id: 'raden', name: 'Alle gemeenteraden (raden)' },
    { id: 'colleges', name: 'Alle colleges (colleges)' },
  ],
};

const MAIL_INPUTS = new Set(['mailOnderwerp', 'mailTekst']);

function display(value: Json | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isExpression(value)) return `expressie: ${value.expression}`;
  return JSON.stringify(value);
}

/** The literal a value becomes when its expression mode is switched off, when that is obvious. */
function literalOf(expression: string): Json | undefined {
  const t = expression.trim();
  const single = /^'((?:[^'\\]|\\.)*)'$/.exec(t);
  if (single) return single[1]!.replace(/\\(.)/g, '$1');
  try {
    return JSON.parse(t) as Json;
  } catch {
    return undefined;
  }
}

function expressionOf(value: Json | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value);
}

export function InputEditor(props: InputEditorProps) {
  const { activity, input, errors, onChange } = props;
  const id = useId();
  const fieldId = `${id}-veld`;
  const hintId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  const value = activity.inputs?.[input.name];
  const expressionMode = input.supportsExpression && input.type !== 'Expression' && isExpression(value);
  const testId = `invoer-${input.name}`;
  const hasDefault = input.default !== undefined && input.default !== null;

  let editor: ReactNode;
  if (expressionMode) {
    editor = (
      <textarea
        id={fieldId}
        className="form-input ontwerper-code"
        rows={3}
        spellCheck={false}
        aria-describedby={hintId}
        value={(value as { expression: string }).expression}
        onChange={(e) => onChange({ expression: e.target.value })}
        data-testid={`${testId}-expressie`}
      />
    );
  } else {
    editor = <LiteralEditor {...props} fieldId={fieldId} hintId={hintId} errorId={errorId} testId={testId} />;
  }

  const isCheckbox = input.type === 'Boolean' && !expressionMode;
  const isGroup = !expressionMode && (input.type === 'StringList' || input.type === 'ObjectList' || input.type === 'Expression');
  const labelText = `${input.displayName}${input.required ? ' (verplicht)' : ''}`;

  return (
    <div
      className={`form-field ontwerper-field${errors.length > 0 ? ' form-field--invalid' : ''}`}
      data-testid={testId}
      data-input={input.name}
    >
      {isCheckbox ? null : isGroup ? (
        <p className="form-label" id={`${fieldId}-kop`}>
          {labelText}
        </p>
      ) : (
        <label className="form-label" htmlFor={fieldId}>
          {labelText}
        </label>
      )}
      <p className="ontwerper-hint" id={hintId}>
        {input.description}
        {/* A period's default is told in words beside its picker. */}
        {hasDefault && input.type !== 'Duration' && (
          <>
            {input.description ? ' ' : ''}Standaard:{' '}
            {input.type === 'Choice' && typeof input.default === 'string' ? choiceLabelOf(input, input.default) : <code>{display(input.default)}</code>}.
          </>
        )}
      </p>
      {errors.map((e, i) => (
        <p className="form-field__error" key={i} data-testid={`${testId}-fout`}>
          {e.message}
        </p>
      ))}
      {input.supportsExpression && input.type !== 'Expression' && (
        <label className="ontwerper-toggle">
          <input
            type="checkbox"
            checked={expressionMode}
            onChange={(e) => onChange(e.target.checked ? { expression: expressionOf(value) } : literalOf(expressionMode ? (value as { expression: string }).expression : ''))}
            data-testid={`${testId}-als-expressie`}
          />{' '}
          Als expressie (JavaScript)
        </label>
      )}
      {editor}
      {value !== undefined && !input.required && (
        <button type="button" className="ontwerper-link-button" onClick={() => onChange(undefined)}>
          {hasDefault ? `${input.displayName}: standaardwaarde gebruiken` : `${input.displayName} leegmaken`}
        </button>
      )}
      {MAIL_INPUTS.has(input.name) && <MailPreview {...props} />}
    </div>
  );
}

type LiteralProps = InputEditorProps & { fieldId: string; hintId: string; errorId: string; testId: string };

function LiteralEditor(props: LiteralProps) {
  const { activity, input, descriptor, bodies, subjects, subjectLabels, onChange, fieldId, hintId, errorId, testId } = props;
  const value = activity.inputs?.[input.name];
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const common = { id: fieldId, 'aria-describedby': hintId, 'data-testid': `${testId}-veld` };
  const setText = (next: string) => onChange(next === '' ? undefined : next);

  switch (input.type) {
    case 'Text':
      return <textarea {...common} className="form-input" rows={4} value={text} onChange={(e) => setText(e.target.value)} />;
    case 'Integer':
      return (
        <DraftText
          value={value}
          {...integerFormat}
          onChange={onChange}
          errorId={errorId}
          inputProps={{ ...common, inputMode: 'numeric' }}
        />
      );
    case 'Boolean': {
      const checked = value === undefined ? input.default === true : value === true;
      return (
        <div className="form-field--checkbox">
          <input
            {...common}
            type="checkbox"
            className="form-checkbox"
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={fieldId} className="form-label ontwerper-checkbox-label">
            {input.displayName}
            {input.required ? ' (verplicht)' : ''}
            {value === undefined && ' (standaard)'}
          </label>
        </div>
      );
    }
    case 'Duration':
      return (
        <DurationPicker
          value={value}
          fallback={typeof input.default === 'string' ? input.default : undefined}
          label={input.displayName}
          fieldId={fieldId}
          hintId={hintId}
          errorId={errorId}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'DateTime': {
      // Picked as a day and time on the Dutch clock; stored as the ISO moment with offset the engine reads.
      const local = text === '' ? '' : toDutchLocal(text);
      return (
        <>
          <input
            {...common}
            type="datetime-local"
            className="form-input"
            value={local}
            aria-describedby={`${hintId} ${fieldId}-moment`}
            onChange={(e) => {
              const next = e.target.value;
              if (next === '') onChange(undefined);
              else {
                const iso = fromDutchLocal(next);
                if (iso) onChange(iso);
              }
            }}
          />
          <p className="ontwerper-hint" id={`${fieldId}-moment`} data-testid={`${testId}-moment`}>
            {text === '' ? 'Kies een datum en tijd (Nederlandse tijd).' : local ? `${formatDateTime(text)} (Nederlandse tijd)` : 'Het opgeslagen moment is ongeldig; kies een datum en tijd.'}
          </p>
        </>
      );
    }
    case 'Choice':
      return (
        <select {...common} className="form-input" value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">
            {input.default != null ? `Standaard (${typeof input.default === 'string' ? choiceLabelOf(input, input.default) : display(input.default)})` : '— kies —'}
          </option>
          {(input.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {choiceLabelOf(input, c)}
            </option>
          ))}
          {text !== '' && !(input.choices ?? []).includes(text) && <option value={text}>{text} (onbekend)</option>}
        </select>
      );
    case 'StringList':
      return BODY_LIST_INPUTS[input.name] && bodies.length > 0 ? (
        <BodyChecklist {...props} />
      ) : (
        <ListEditor {...props} isPorts={descriptor.portsFromInput?.inputName === input.name} />
      );
    case 'ObjectList':
      return descriptor.portsFromInput?.inputName === input.name && descriptor.portsFromInput.nameProperty ? (
        <CasesEditor {...props} nameProperty={descriptor.portsFromInput.nameProperty} labelProperty={descriptor.portsFromInput.labelProperty ?? null} />
      ) : (
        <DraftText
          value={value}
          {...jsonFormat}
          onChange={onChange}
          multiline
          errorId={errorId}
          textareaProps={{ ...common, rows: 5, 'aria-labelledby': `${fieldId}-kop` }}
        />
      );
    case 'Expression':
      return input.name === 'condition' || input.name.toLowerCase().includes('voorwaarde') ? (
        <ConditionEditor
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? undefined : v)}
          subjects={subjects}
          subjectLabels={subjectLabels}
          label={input.displayName}
          describedBy={hintId}
          testId={`${testId}-voorwaarde`}
        />
      ) : (
        <textarea
          {...common}
          aria-labelledby={`${fieldId}-kop`}
          className="form-input ontwerper-code"
          rows={3}
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => setText(e.target.value)}
        />
      );
    case 'Json':
      return <DraftText value={value} {...jsonFormat} onChange={onChange} multiline errorId={errorId} textareaProps={{ ...common, rows: 3 }} />;
    case 'String':
    default: {
      const filter = BODY_INPUTS[input.name];
      if (filter && bodies.length > 0) {
        const options = bodies.filter(filter);
        return (
          <select {...common} className="form-input" value={text} onChange={(e) => setText(e.target.value)}>
            <option value="">— kies —</option>
            {options.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.id})
              </option>
            ))}
            {text !== '' && !options.some((b) => b.id === text) && <option value={text}>{text} (niet in het bestuursmodel)</option>}
          </select>
        );
      }
      return <input {...common} className="form-input" value={text} onChange={(e) => setText(e.target.value)} />;
    }
  }
}

/** A list of strings; for the ports of a Fork, renaming an item renames its connections too. */
function ListEditor({ activity, input, onChange, fieldId, testId, isPorts }: LiteralProps & { isPorts: boolean }) {
  const value = activity.inputs?.[input.name];
  const given = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
  const items = value === undefined && Array.isArray(input.default) ? input.default.map(String) : given;
  const set = (next: string[], renames?: [string, string][]) => onChange(next, renames);
  return (
    <div role="group" aria-labelledby={`${fieldId}-kop`} className="ontwerper-list" data-testid={`${testId}-lijst`}>
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            <input
              className="form-input"
              aria-label={`${input.displayName}: item ${index + 1}`}
              value={item}
              onChange={(e) => {
                const next = items.map((v, i) => (i === index ? e.target.value : v));
                set(next, isPorts && item !== '' && e.target.value !== '' ? [[item, e.target.value]] : undefined);
              }}
            />
            <button type="button" className="button button--small" onClick={() => set(items.filter((_, i) => i !== index))}>
              Item {index + 1} verwijderen
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => set([...items, isPorts ? `tak${items.length + 1}` : ''])}
        data-testid={`${testId}-toevoegen`}
      >
        {isPorts ? 'Tak toevoegen' : 'Item toevoegen'}
      </button>
    </div>
  );
}

/** Ids of bodies (raden, colleges, recipients) as checkboxes; values not in the model stay listed. */
function BodyChecklist({ activity, input, bodies, onChange, fieldId, testId }: LiteralProps) {
  const value = activity.inputs?.[input.name];
  const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const filter = BODY_LIST_INPUTS[input.name] ?? (() => true);
  const choices = [...(EXTRA_LIST_CHOICES[input.name] ?? []), ...bodies.filter(filter).map((b) => ({ id: b.id, name: b.name }))];
  for (const v of selected) if (!choices.some((c) => c.id === v)) choices.push({ id: v, name: `${v} (niet in het bestuursmodel)` });
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((v) => v !== id);
    onChange(next.length === 0 && !input.required ? undefined : next);
  };
  return (
    <div role="group" aria-labelledby={`${fieldId}-kop`} className="ontwerper-checklist" data-testid={`${testId}-keuzes`}>
      {choices.map((c) => (
        <label key={c.id} className="ontwerper-checklist__item">
          <input type="checkbox" checked={selected.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.name}
        </label>
      ))}
    </div>
  );
}

/**
 * The cases of a Switch: a name (its port, the code connections use), a label (what people read for that exit)
 * and a condition each. Renaming a case renames its connections.
 */
function CasesEditor({
  activity,
  input,
  descriptor,
  subjects,
  subjectLabels,
  onChange,
  fieldId,
  testId,
  nameProperty,
  labelProperty,
}: LiteralProps & { nameProperty: string; labelProperty: string | null }) {
  const value = activity.inputs?.[input.name];
  const cases: JsonObject[] = Array.isArray(value)
    ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {}))
    : [];
  const labelKey = labelProperty ?? 'label';
  const textOf = (c: JsonObject, key: string) => (typeof c[key] === 'string' ? (c[key] as string) : '');
  const setCase = (index: number, patch: JsonObject, renames?: [string, string][]) =>
    onChange(
      cases.map((c, i) => (i === index ? { ...c, ...patch } : c)),
      renames,
    );
  const setLabel = (index: number, label: string) => onChange(withCaseLabel(value, index, labelKey, label));
  const otherwise = (descriptor.portsFromInput?.extra ?? []).map((port) => `“${portLabelOf(activity, descriptor, port)}”`);
  return (
    <div role="group" aria-labelledby={`${fieldId}-kop`} className="ontwerper-cases" data-testid={`${testId}-gevallen`}>
      {cases.map((c, index) => {
        const name = textOf(c, nameProperty);
        const label = textOf(c, labelKey).trim();
        const n = index + 1;
        return (
          <fieldset key={index} className="ontwerper-case" data-testid={`${testId}-geval-${n}-velden`}>
            <legend>
              Geval {n}
              {label || name ? `: ${label || name}` : ''}
            </legend>
            <label className="form-label">
              Label (wat mensen lezen bij deze uitgang)
              <input
                className="form-input"
                value={textOf(c, labelKey)}
                placeholder={name}
                onChange={(e) => setLabel(index, e.target.value)}
                data-testid={`${testId}-geval-${n}-label`}
              />
            </label>
            <label className="form-label">
              Naam (code van de uitgang)
              <input
                className="form-input ontwerper-code"
                value={name}
                spellCheck={false}
                onChange={(e) => setCase(index, { [nameProperty]: e.target.value }, name && e.target.value ? [[name, e.target.value]] : undefined)}
                data-testid={`${testId}-geval-${n}-naam`}
              />
            </label>
            <ConditionEditor
              value={typeof c['condition'] === 'string' ? (c['condition'] as string) : ''}
              onChange={(v) => setCase(index, { condition: v })}
              subjects={subjects}
              subjectLabels={subjectLabels}
              label={`Voorwaarde van geval ${n}`}
              testId={`${testId}-geval-${n}`}
            />
            <button type="button" className="button button--small" onClick={() => onChange(cases.filter((_, i) => i !== index))}>
              Geval {n} verwijderen
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          onChange([...cases, { [nameProperty]: `geval${cases.length + 1}`, [labelKey]: `Geval ${cases.length + 1}`, condition: 'true' }])
        }
      >
        Geval toevoegen
      </button>
      {otherwise.length > 0 && (
        <p className="ontwerper-hint">Geen geval waar? Dan gaat de route langs de uitgang {otherwise.join(' of ')}.</p>
      )}
    </div>
  );
}

const EXAMPLE = {
  naam: 'Anneke Bakker',
  titel: 'Begroting 2028',
  uiterlijk: 'uiterlijk 7 mei 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)',
};

/** The mail's subject or text with example values, as a member would read it. */
function MailPreview({ activity, input, bodies }: InputEditorProps) {
  const value = activity.inputs?.[input.name];
  const orgaanValue = activity.inputs?.['orgaan'];
  const orgaan =
    (typeof orgaanValue === 'string' && bodies.find((b) => b.id === orgaanValue)?.name) ||
    (activity.type === 'Zienswijzenronde' ? 'Gemeenteraad Assen' : activity.type === 'TerugkoppelingColleges' ? 'College van B&W Assen' : 'Dagelijks bestuur');
  let body: ReactNode;
  if (value === undefined || value === '') {
    body = <p>Leeg: AdviesRoute gebruikt de standaardtekst.</p>;
  } else if (typeof value !== 'string') {
    body = <p>Een expressie wordt pas bij het versturen berekend; geen voorbeeld.</p>;
  } else {
    const unknown = unknownPlaceholders(value);
    body = (
      <>
        <div className={input.name === 'mailOnderwerp' ? 'ontwerper-mail__subject' : 'ontwerper-mail__text'} data-testid={`voorbeeld-${input.name}`}>
          {previewMail(value, { ...EXAMPLE, orgaan })}
        </div>
        {unknown.length > 0 && (
          <p className="ontwerper-hint ontwerper-hint--warning">
            Onbekend: {unknown.map((u) => `{${u}}`).join(', ')}; dat blijft zo in de mail staan. Bekend zijn{' '}
            {MAIL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.
          </p>
        )}
      </>
    );
  }
  return (
    <div className="ontwerper-mail" aria-label={`Voorbeeld: ${input.displayName}`} role="group">
      <p className="ontwerper-mail__caption">Voorbeeld (met voorbeeldgegevens)</p>
      {body}
    </div>
  );
}
