// Values picked from the governance model and the route by name: a body, bodies and members, a meeting, a variable.
// What an input picks comes from its declaration (InputDescriptor.picker), never from a table of input names.
import type { Body, Definition, InputDescriptor, Json, MeetingChoice, MemberChoice, PickLists } from '../types';
import { formatDate } from '../labels';
import { variableLabelOf } from '../model/definition';

export interface PickerProps {
  input: InputDescriptor;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  lists: PickLists;
  route: Pick<Definition, 'variables'> | undefined;
  /** The body the step names (its literal `orgaan`), to offer that body's meetings first. */
  stepBody?: string | undefined;
  fieldId: string;
  hintId: string;
  testId: string;
  /** The accessible name when the picker stands in a row (per value), not under the field's label. */
  ariaLabel?: string | undefined;
  /** What "nothing chosen" reads as there. */
  emptyLabel?: string | undefined;
}

export function bodiesFor(input: InputDescriptor, bodies: readonly Body[]): Body[] {
  const kinds = input.picker?.kinds ?? [];
  return kinds.length === 0 ? [...bodies] : bodies.filter((b) => kinds.includes(b.kind));
}

const ROLE: Record<string, string> = {
  voorzitter: 'voorzitter',
  portefeuillehouder: 'portefeuillehouder',
  lid: 'lid',
  plaatsvervanger: 'plaatsvervanger',
};

export function memberLabel(m: MemberChoice): string {
  return `${m.name} (${ROLE[m.role] ?? m.role}, ${m.bodyName})`;
}

/** What a person reads for a picked value: a body's or member's name, "Alle raden", a variable's name. */
export function pickedLabel(input: InputDescriptor, value: string, lists: PickLists, route: Pick<Definition, 'variables'> | undefined): string {
  const also = input.picker?.also.find((a) => a.value === value);
  if (also) return also.label;
  const body = lists.bodies.find((b) => b.id === value);
  if (body) return body.name;
  const member = lists.members.find((m) => m.id === value);
  if (member) return memberLabel(member);
  const variable = route?.variables?.find((v) => v.name === value);
  if (variable) return variableLabelOf(variable);
  return `${value} (onbekend)`;
}

/** One body, by name, of the kinds the input declares. */
export function BodySelect({ input, value, onChange, lists, fieldId, hintId, testId, ariaLabel, emptyLabel }: PickerProps) {
  const options = bodiesFor(input, lists.bodies);
  const text = typeof value === 'string' ? value : '';
  return (
    <select
      id={fieldId}
      aria-describedby={hintId}
      aria-label={ariaLabel}
      className="form-input"
      value={text}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      data-testid={`${testId}-veld`}
    >
      <option value="">{emptyLabel ?? '— kies een orgaan —'}</option>
      {options.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
      {text !== '' && !options.some((b) => b.id === text) && <option value={text}>{text} (niet in het bestuursmodel)</option>}
    </select>
  );
}

/** Several bodies and members (a Melding's "Aan", the councils of a round), with the fixed choices first. */
export function RecipientChecklist({ input, value, onChange, lists, fieldId, testId }: PickerProps) {
  const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const picks = input.picker?.picks ?? [];
  const also = input.picker?.also ?? [];
  const bodies = picks.includes('body') ? bodiesFor(input, lists.bodies) : [];
  const members = picks.includes('member') ? lists.members : [];
  const known = new Set([...also.map((a) => a.value), ...bodies.map((b) => b.id), ...members.map((m) => m.id)]);
  const unknown = selected.filter((v) => !known.has(v));
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...selected, id] : selected.filter((v) => v !== id);
    onChange(next.length === 0 && !input.required ? undefined : next);
  };
  const box = (id: string, label: string) => (
    <label key={id} className="ontwerper-checklist__item">
      <input type="checkbox" checked={selected.includes(id)} onChange={(e) => toggle(id, e.target.checked)} data-testid={`${testId}-kies-${id}`} /> {label}
    </label>
  );
  const chosenMembers = members.filter((m) => selected.includes(m.id)).length;
  const chosenBodies = bodies.filter((b) => selected.includes(b.id)).length;
  // Grouped (fixed choices, then organs and members to unfold), the list is shown whole; a single kind scrolls in its box.
  const grouped = also.length > 0 || members.length > 0;
  return (
    <div role="group" aria-labelledby={`${fieldId}-kop`} className={`ontwerper-checklist${grouped ? ' ontwerper-checklist--whole' : ''}`} data-testid={`${testId}-keuzes`}>
      {also.map((a) => box(a.value, a.label))}
      {bodies.length > 0 && (also.length > 0 || members.length > 0) ? (
        <details className="ontwerper-checklist__group" open={chosenBodies > 0}>
          <summary>Organen{chosenBodies > 0 ? ` (${chosenBodies} gekozen)` : ''}</summary>
          {bodies.map((b) => box(b.id, b.name))}
        </details>
      ) : (
        bodies.map((b) => box(b.id, b.name))
      )}
      {members.length > 0 && (
        <details className="ontwerper-checklist__group" open={chosenMembers > 0}>
          <summary>Leden{chosenMembers > 0 ? ` (${chosenMembers} gekozen)` : ''}</summary>
          {members.map((m) => box(m.id, memberLabel(m)))}
        </details>
      )}
      {unknown.map((v) => box(v, `${v} (niet in het bestuursmodel)`))}
    </div>
  );
}

/** A variable of the route, by its name as people read it. */
export function VariableSelect({ input, value, onChange, route, fieldId, hintId, testId, ariaLabel }: PickerProps) {
  const text = typeof value === 'string' ? value : '';
  const variables = route?.variables ?? [];
  const fallback = typeof input.default === 'string' ? input.default : '';
  const fallbackVariable = variables.find((v) => v.name === fallback);
  return (
    <select id={fieldId} aria-describedby={hintId} aria-label={ariaLabel} className="form-input" value={text} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid={`${testId}-veld`}>
      <option value="">{fallback ? `Standaard (${fallbackVariable ? variableLabelOf(fallbackVariable) : fallback})` : '— kies —'}</option>
      {variables.map((v) => (
        <option key={v.name} value={v.name}>
          {variableLabelOf(v)}
        </option>
      ))}
      {text !== '' && !variables.some((v) => v.name === text) && <option value={text}>{text} (nieuwe variabele)</option>}
    </select>
  );
}

export function meetingLabel(m: MeetingChoice, bodies: readonly Body[]): string {
  const body = bodies.find((b) => b.id === m.body)?.name ?? m.body;
  return `${body}, ${formatDate(m.date)} om ${m.time}`;
}

/** A meeting of the jaarkalender by body and day; the default is the meeting Agenderen kept. */
export function MeetingSelect({ value, onChange, lists, stepBody, fieldId, hintId, testId }: PickerProps) {
  const text = typeof value === 'string' ? value : '';
  const meetings = stepBody ? lists.meetings.filter((m) => m.body === stepBody) : lists.meetings;
  const computed = value !== undefined && typeof value !== 'string';
  return (
    <select
      id={fieldId}
      aria-describedby={hintId}
      className="form-input"
      value={computed ? '__berekend' : text}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      data-testid={`${testId}-veld`}
    >
      <option value="">Standaard: de vergadering die Agenderen bewaarde</option>
      {computed && <option value="__berekend">Een berekende vergadering</option>}
      {meetings.map((m) => (
        <option key={m.id} value={m.id}>
          {meetingLabel(m, lists.bodies)}
        </option>
      ))}
      {text !== '' && !meetings.some((m) => m.id === text) && <option value={text}>{text} (niet in de jaarkalender)</option>}
    </select>
  );
}
