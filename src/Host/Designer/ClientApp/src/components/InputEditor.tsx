import { useId, type ReactNode } from 'react';
import type { Activity, ActivityDescriptor, Body, Definition, InputDescriptor, Json, JsonObject, PickLists } from '../types';
import { choiceLabelOf, portLabelOf, withCaseLabel } from '../model/definition';
import { formatDateTime } from '../labels';
import { fromDutchLocal, toDutchLocal } from '../model/moment';
import { MAIL_PLACEHOLDERS, previewMail, unknownPlaceholders } from '../model/mail';
import type { LocatedError } from '../model/errors';
import { newClause, type Subject } from '../model/conditions';
import { FORM_LABELS, fixedOf, formOf, formsFor, templateToWords, type ValueForm } from '../model/values';
import { session } from '../session';
import { ConditionEditor } from './ConditionEditor';
import { DraftText, integerFormat, jsonFormat } from './DraftText';
import { DurationPicker } from './DurationPicker';
import { BodySelect, MeetingSelect, RecipientChecklist, VariableSelect, pickedLabel } from './Pickers';
import { ChooseEditor, PerValueEditor, TemplateEditor, listableSubjects } from './ValueForms';

export interface InputEditorProps {
  activity: Activity;
  input: InputDescriptor;
  descriptor: ActivityDescriptor;
  /** The bodies of the governance model (used when the page gives no lists). */
  bodies: readonly Body[];
  errors: readonly LocatedError[];
  /** The route's inputs and variables, by their Dutch names, for rules, per-value choices and texts. */
  subjects: readonly Subject[];
  /** The route itself (its variables, for a variable picker). */
  route?: Definition | undefined;
  /** What bodies, members and meetings are picked from; the page's lists when not given. */
  lists?: PickLists | undefined;
  /** Whether JavaScript is shown ("Geavanceerd"); the page's word when not given. */
  isAdministrator?: boolean | undefined;
  /** A new value (undefined: remove it, so the default applies); renames: ports renamed with a list item. */
  onChange: (value: Json | undefined, renames?: [string, string][]) => void;
}

const MAIL_INPUTS = new Set(['mailOnderwerp', 'mailTekst']);

/** A count with the input's unit: "2 werkdagen", "1 werkdag vóór de termijn". */
export function withUnit(input: InputDescriptor, n: number | string, after = true): string {
  const unit = input.unit;
  if (!unit) return String(n);
  const words = `${n} ${Number(n) === 1 ? unit.one : unit.many}`;
  return after && unit.after ? `${words} ${unit.after}` : words;
}

/** The default as a person reads it: a choice by its label, on/off, a period or count in words, a body by name. */
export function describeDefault(input: InputDescriptor, lists: PickLists, route: Definition | undefined): string | null {
  const d = input.default;
  if (d === undefined || d === null) return null;
  if (input.type === 'Duration') return null; // told beside the period picker
  if (typeof d === 'boolean') return d ? 'aan' : 'uit';
  if (input.type === 'Choice' && typeof d === 'string') return choiceLabelOf(input, d);
  if (typeof d === 'number') return withUnit(input, d, false);
  if (Array.isArray(d)) {
    if (d.length === 0) return 'geen';
    const parts = d.map((x) => (input.unit ? withUnit(input, String(x)) : input.picker ? pickedLabel(input, String(x), lists, route) : String(x)));
    return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
  }
  if (typeof d === 'string') return input.picker ? pickedLabel(input, d, lists, route) : `‘${d}’`;
  if (input.picker?.picks.includes('meeting')) return 'de vergadering die Agenderen bewaarde';
  return null;
}

export function InputEditor(props: InputEditorProps) {
  const { activity, input, errors, onChange } = props;
  const id = useId();
  const fieldId = `${id}-veld`;
  const hintId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  const testId = `invoer-${input.name}`;
  const value = activity.inputs?.[input.name];
  const lists = props.lists ?? (session().lists.bodies.length > 0 ? session().lists : { ...session().lists, bodies: [...props.bodies] });
  const isAdministrator = props.isAdministrator ?? session().isAdministrator;
  const ctx = { ...props, lists, isAdministrator, fieldId, hintId, errorId, testId };

  const form = formOf(value);
  // A request mail fills its own {naam}, {titel}, … (see its preview): it is not offered the proposal's data as well.
  const forms = formsFor(input, isAdministrator).filter((f) => f !== 'template' || !MAIL_INPUTS.has(input.name));
  const shownForms: ValueForm[] = forms.includes(form) ? forms : [...forms, form];
  const fixedEditor = form === 'fixed';
  const isCheckbox = input.type === 'Boolean' && fixedEditor && shownForms.length === 1;
  const isGroup = !fixedEditor || input.type === 'StringList' || input.type === 'ObjectList' || input.type === 'Expression';
  const labelText = `${input.displayName}${input.required ? ' (verplicht)' : ''}`;
  const fallback = describeDefault(input, lists, props.route);

  const switchForm = (next: ValueForm) => {
    if (next === form) return;
    const fixed = fixedOf(value);
    const subjects = listableSubjects(props.subjects);
    switch (next) {
      case 'fixed':
        onChange(fixed === undefined || (typeof fixed === 'object' && fixed !== null && !Array.isArray(fixed)) ? undefined : fixed);
        break;
      case 'perValue':
        onChange({ perValue: { subject: subjects[0]?.path ?? '', values: {}, ...(fixed !== undefined ? { otherwise: fixed } : {}) } });
        break;
      case 'choose':
        onChange({ choose: { cases: [{ when: newClause(props.subjects[0]) as unknown as Json, value: fixed ?? null }], otherwise: null } });
        break;
      case 'template':
        onChange({ template: typeof fixed === 'string' ? fixed : '' });
        break;
      case 'expression':
        onChange({ expression: typeof fixed === 'string' ? `'${fixed.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : fixed === undefined ? '' : JSON.stringify(fixed) });
        break;
    }
  };

  let editor: ReactNode;
  const renderFixed = (v: Json | undefined, change: (v: Json | undefined) => void, label: string, rowTestId: string, emptyLabel?: string) => (
    <FixedEditor {...ctx} value={v} onChange={change} testId={rowTestId} fieldId={`${fieldId}-${rowTestId}`} ariaLabel={label} emptyLabel={emptyLabel} />
  );
  switch (form) {
    case 'expression':
      editor = isAdministrator ? (
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
      ) : (
        <p className="ontwerper-hint ontwerper-hint--warning" data-testid={`${testId}-javascript`}>
          Deze waarde wordt met programmacode berekend; alleen een beheerder kan die wijzigen. Kies hierboven een andere manier om haar
          te vervangen.
        </p>
      );
      break;
    case 'perValue':
      editor = <PerValueEditor value={value} onChange={onChange} subjects={props.subjects} label={input.displayName} testId={testId} renderFixed={renderFixed} />;
      break;
    case 'choose':
      editor = <ChooseEditor value={value} onChange={onChange} subjects={props.subjects} label={input.displayName} testId={testId} renderFixed={renderFixed} />;
      break;
    case 'template':
      editor = (
        <TemplateEditor value={value} onChange={onChange} subjects={props.subjects} label={input.displayName} testId={testId} multiline={input.type === 'Text'} fieldId={fieldId} hintId={hintId} />
      );
      break;
    default:
      editor = <FixedEditor {...ctx} value={value} onChange={onChange} />;
  }

  return (
    <div className={`form-field ontwerper-field${errors.length > 0 ? ' form-field--invalid' : ''}`} data-testid={testId} data-input={input.name}>
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
        {fallback && (
          <>
            {input.description ? ' ' : ''}Standaard: {fallback}.
          </>
        )}
      </p>
      {errors.map((e, i) => (
        <p className="form-field__error" key={i} data-testid={`${testId}-fout`}>
          {e.message}
        </p>
      ))}
      {shownForms.length > 1 && (
        <div className="ontwerper-forms" role="group" aria-label={`Manier van invullen: ${input.displayName}`} data-testid={`${testId}-manier`}>
          {shownForms.map((f) => (
            <button key={f} type="button" aria-pressed={f === form} onClick={() => switchForm(f)} data-testid={`${testId}-manier-${f}`}>
              {FORM_LABELS[f]}
            </button>
          ))}
        </div>
      )}
      {editor}
      {value !== undefined && !input.required && form === 'fixed' && (
        <button type="button" className="ontwerper-link-button" onClick={() => onChange(undefined)}>
          {input.default !== undefined && input.default !== null ? `${input.displayName}: standaardwaarde gebruiken` : `${input.displayName} leegmaken`}
        </button>
      )}
      {MAIL_INPUTS.has(input.name) && <MailPreview {...props} />}
    </div>
  );
}

type FixedProps = InputEditorProps & {
  lists: PickLists;
  isAdministrator: boolean;
  value: Json | undefined;
  onChange: (value: Json | undefined, renames?: [string, string][]) => void;
  fieldId: string;
  hintId: string;
  errorId: string;
  testId: string;
  /** The accessible name when the editor stands in a row of a computed value. */
  ariaLabel?: string | undefined;
  /** What "nothing chosen" means there (in a row per value: "zoals bij Anders"). */
  emptyLabel?: string | undefined;
};

/** The editor of one fixed value of an input: a picker when the input declares what it picks, else by its type. */
function FixedEditor(props: FixedProps) {
  const { activity, input, descriptor, value, onChange, fieldId, hintId, errorId, testId, ariaLabel, emptyLabel, lists, route } = props;
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  const common = { id: fieldId, 'aria-describedby': hintId, 'aria-label': ariaLabel, 'data-testid': `${testId}-veld` };
  const setText = (next: string) => onChange(next === '' ? undefined : next);
  const picks = input.picker?.picks ?? [];
  const pickerProps = { input, value, onChange, lists, route, fieldId, hintId, testId, ariaLabel, emptyLabel };

  if (picks.includes('body') || picks.includes('member')) {
    if (input.type === 'StringList') return <RecipientChecklist {...pickerProps} />;
    if (input.type === 'String') return <BodySelect {...pickerProps} />;
  }
  if (picks.includes('variable') && input.type === 'String') return <VariableSelect {...pickerProps} />;
  if (picks.includes('meeting')) {
    const orgaan = activity.inputs?.['orgaan'];
    return <MeetingSelect {...pickerProps} stepBody={typeof orgaan === 'string' ? orgaan : undefined} />;
  }

  switch (input.type) {
    case 'Text':
      return <textarea {...common} className="form-input" rows={4} value={text} onChange={(e) => setText(e.target.value)} />;
    case 'Integer':
      return (
        <div className="ontwerper-number">
          <DraftText value={value} {...integerFormat} onChange={onChange} errorId={errorId} inputProps={{ ...common, inputMode: 'numeric' }} />
          {input.unit && (
            <span className="ontwerper-number__unit" data-testid={`${testId}-eenheid`}>
              {typeof value === 'number' && value === 1 ? input.unit.one : input.unit.many}
            </span>
          )}
        </div>
      );
    case 'Boolean': {
      const checked = value === undefined ? input.default === true : value === true;
      return (
        <div className="form-field--checkbox">
          <input {...common} type="checkbox" className="form-checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={fieldId} className="form-label ontwerper-checkbox-label">
            {ariaLabel ? 'ja' : input.displayName}
            {!ariaLabel && input.required ? ' (verplicht)' : ''}
            {!ariaLabel && value === undefined && ' (standaard)'}
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
          <option value="">{emptyLabel ?? (input.default != null ? `Standaard (${typeof input.default === 'string' ? choiceLabelOf(input, input.default) : String(input.default)})` : '— kies —')}</option>
          {(input.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {choiceLabelOf(input, c)}
            </option>
          ))}
          {text !== '' && !(input.choices ?? []).includes(text) && <option value={text}>{text} (onbekend)</option>}
        </select>
      );
    case 'StringList':
      return input.unit ? <CountList {...props} /> : <ListEditor {...props} isPorts={descriptor.portsFromInput?.inputName === input.name} />;
    case 'ObjectList':
      return descriptor.portsFromInput?.inputName === input.name && descriptor.portsFromInput.nameProperty ? (
        <CasesEditor {...props} nameProperty={descriptor.portsFromInput.nameProperty} labelProperty={descriptor.portsFromInput.labelProperty ?? null} />
      ) : (
        <DraftText value={value} {...jsonFormat} onChange={onChange} multiline errorId={errorId} textareaProps={{ ...common, rows: 5, 'aria-labelledby': `${fieldId}-kop` }} />
      );
    case 'Expression':
      return (
        <ConditionEditor
          value={value}
          onChange={(v) => onChange(v)}
          subjects={props.subjects}
          label={input.displayName}
          describedBy={hintId}
          testId={`${testId}-voorwaarde`}
          isAdministrator={props.isAdministrator}
        />
      );
    case 'Json':
      return <DraftText value={value} {...jsonFormat} onChange={onChange} multiline errorId={errorId} textareaProps={{ ...common, rows: 3 }} />;
    case 'String':
    default:
      return <input {...common} className="form-input" value={text} onChange={(e) => setText(e.target.value)} />;
  }
}

/** Counts in the input's unit as rows: "[2] werkdagen vóór de termijn". Stored as the strings the step reads ("2"). */
function CountList({ input, value, onChange, fieldId, testId }: FixedProps) {
  const given = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : null;
  const items = given ?? (Array.isArray(input.default) ? input.default.map(String) : []);
  const unit = input.unit!;
  return (
    <div role="group" aria-labelledby={`${fieldId}-kop`} className="ontwerper-list" data-testid={`${testId}-lijst`}>
      {given === null && items.length > 0 && <p className="ontwerper-hint">Nu de standaard; wijzig er een om ze vast te leggen.</p>}
      <ol>
        {items.map((item, index) => (
          <li key={index} className="ontwerper-count">
            <input
              className="form-input ontwerper-count__amount"
              inputMode="numeric"
              aria-label={`${input.displayName}: ${index + 1}e, aantal ${unit.many}`}
              value={item}
              onChange={(e) => onChange(items.map((v, i) => (i === index ? e.target.value.trim() : v)))}
              data-testid={`${testId}-${index + 1}`}
            />
            <span>
              {Number(item) === 1 ? unit.one : unit.many}
              {unit.after ? ` ${unit.after}` : ''}
            </span>
            <button type="button" className="button button--small" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              Verwijderen<span className="visually-hidden"> ({index + 1}e)</span>
            </button>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p className="ontwerper-hint">Geen.</p>}
      <button type="button" className="button button--small" onClick={() => onChange([...items, '1'])} data-testid={`${testId}-toevoegen`}>
        Toevoegen<span className="visually-hidden"> ({input.displayName})</span>
      </button>
    </div>
  );
}

/** A list of strings; for the ports of a Fork, renaming an item renames its connections too. */
function ListEditor({ input, value, onChange, fieldId, testId, isPorts }: FixedProps & { isPorts: boolean }) {
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
      <button type="button" className="button button--small" onClick={() => set([...items, isPorts ? `tak${items.length + 1}` : ''])} data-testid={`${testId}-toevoegen`}>
        {isPorts ? 'Tak toevoegen' : 'Item toevoegen'}
      </button>
    </div>
  );
}

/** A name for a new exit from its label: "Schriftelijk advies" → "schriftelijkAdvies", unique among the others. */
function portNameOf(label: string, taken: readonly string[]): string {
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('') || 'geval';
  if (/^\d/.test(base)) base = `geval${base}`;
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}${n}`;
  return name;
}

/**
 * The cases of a Switch: a label (what people read for that exit) and a rule each. The exit's name (the code the
 * connections use) is made from the first label; only an administrator sees and renames it.
 */
function CasesEditor({ activity, descriptor, value, onChange, fieldId, testId, nameProperty, labelProperty, subjects, isAdministrator }: FixedProps & { nameProperty: string; labelProperty: string | null }) {
  const cases: JsonObject[] = Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {})) : [];
  const labelKey = labelProperty ?? 'label';
  const textOf = (c: JsonObject, key: string) => (typeof c[key] === 'string' ? (c[key] as string) : '');
  const setCase = (index: number, patch: JsonObject, renames?: [string, string][]) => onChange(cases.map((c, i) => (i === index ? { ...c, ...patch } : c)), renames);
  const setLabel = (index: number, label: string) => onChange(withCaseLabel(value, index, labelKey, label));
  const otherwise = (descriptor.portsFromInput?.extra ?? []).map((port) => `“${portLabelOf(activity, descriptor, port)}”`);
  const names = cases.map((c) => textOf(c, nameProperty));
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
              {label ? `: ${label}` : ''}
            </legend>
            <label className="form-label">
              Naam van de uitgang
              <input className="form-input" value={textOf(c, labelKey)} onChange={(e) => setLabel(index, e.target.value)} data-testid={`${testId}-geval-${n}-label`} />
            </label>
            {isAdministrator && (
              <label className="form-label">
                Code van de uitgang (geavanceerd)
                <input
                  className="form-input ontwerper-code"
                  value={name}
                  spellCheck={false}
                  onChange={(e) => setCase(index, { [nameProperty]: e.target.value }, name && e.target.value ? [[name, e.target.value]] : undefined)}
                  data-testid={`${testId}-geval-${n}-naam`}
                />
              </label>
            )}
            <p className="form-label">Deze uitgang geldt als</p>
            <ConditionEditor
              value={c['condition']}
              onChange={(v) => setCase(index, v === undefined ? { condition: { all: [] } } : { condition: v })}
              subjects={subjects}
              label={`Voorwaarde van uitgang ${n}`}
              testId={`${testId}-geval-${n}`}
              isAdministrator={isAdministrator}
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
        onClick={() => {
          const label = `Geval ${cases.length + 1}`;
          onChange([...cases, { [nameProperty]: portNameOf(label, names), [labelKey]: label, condition: newClause(subjects[0]) as unknown as Json }]);
        }}
        data-testid={`${testId}-toevoegen`}
      >
        Geval toevoegen
      </button>
      {otherwise.length > 0 && <p className="ontwerper-hint">Geldt geen van deze? Dan gaat de route langs de uitgang {otherwise.join(' of ')}.</p>}
    </div>
  );
}

const EXAMPLE = {
  naam: 'Anneke Bakker',
  titel: 'Begroting 2028',
  uiterlijk: 'uiterlijk 7 mei 2027 (art. 35 lid 3 Wgr: 12 weken na verzending)',
};

/** The mail's subject or text with example values, as a member would read it. */
function MailPreview({ activity, input, bodies, subjects }: InputEditorProps) {
  const stored = activity.inputs?.[input.name];
  // A text with the proposal's data is previewed with each datum by its name: "Kaderbrief: {Titel}".
  const value = formOf(stored) === 'template' ? templateToWords((stored as { template: string }).template, subjects) : stored;
  const orgaanValue = activity.inputs?.['orgaan'];
  const orgaan =
    (typeof orgaanValue === 'string' && bodies.find((b) => b.id === orgaanValue)?.name) ||
    (activity.type === 'Zienswijzenronde' ? 'Gemeenteraad Assen' : activity.type === 'TerugkoppelingColleges' ? 'College van B&W Assen' : 'Dagelijks bestuur');
  let body: ReactNode;
  if (value === undefined || value === '') {
    body = <p>Leeg: AdviesRoute gebruikt de standaardtekst.</p>;
  } else if (typeof value !== 'string') {
    body = <p>Deze tekst wordt pas bij het versturen samengesteld; geen voorbeeld.</p>;
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
