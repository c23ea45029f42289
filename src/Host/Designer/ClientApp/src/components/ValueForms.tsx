// The computed forms of a value, built without code: per value of a route input, by rules, and a text with the
// proposal's data. Each picks its values with the input's own editor (renderFixed), so a body stays a body picker.
import { useRef, type ReactNode } from 'react';
import type { Json } from '../types';
import { newClause, valueLabel, type Rule, type Subject } from '../model/conditions';
import { chooseJson, chooseOf, perValueJson, perValueOf, templateFromWords, templateParts, templateToWords } from '../model/values';
import { RuleBuilder } from './ConditionEditor';

export type RenderFixed = (value: Json | undefined, onChange: (value: Json | undefined) => void, label: string, testId: string, emptyLabel?: string) => ReactNode;

interface FormProps {
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  subjects: readonly Subject[];
  label: string;
  testId: string;
  renderFixed: RenderFixed;
}

/** Subjects whose values can be listed: choice inputs and yes/no inputs. */
export function listableSubjects(subjects: readonly Subject[]): Subject[] {
  return subjects.filter((s) => s.choices.length > 0 || s.type === 'boolean');
}

function valuesOf(subject: Subject | undefined): { value: string; label: string }[] {
  if (!subject) return [];
  if (subject.type === 'boolean') return [{ value: 'true', label: 'ja' }, { value: 'false', label: 'nee' }];
  return subject.choices.map((c) => ({ value: c.value, label: c.label?.trim() || c.value }));
}

/** "Pijler: Publieke Gezondheid → BAC PG, Zorg en Veiligheid → BAC Z&V, anders → …". */
export function PerValueEditor({ value, onChange, subjects, label, testId, renderFixed }: FormProps) {
  const p = perValueOf(value);
  const candidates = listableSubjects(subjects);
  const subject = subjects.find((s) => s.path === p.subject);
  const rows = valuesOf(subject);
  const set = (patch: Partial<typeof p>) => onChange(perValueJson({ ...p, ...patch }));
  return (
    <div className="ontwerper-pervalue" data-testid={`${testId}-per-waarde`}>
      <label className="ontwerper-inline">
        Per waarde van{' '}
        <select className="form-input" value={p.subject} onChange={(e) => set({ subject: e.target.value, values: {} })} data-testid={`${testId}-per-waarde-gegeven`}>
          {!subject && <option value={p.subject}>{p.subject ? `Onbekend gegeven (${p.subject})` : '— kies een gegeven van het voorstel —'}</option>}
          {candidates.map((s) => (
            <option key={s.path} value={s.path}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {candidates.length === 0 && <p className="ontwerper-hint">De route heeft geen invoer met vaste keuzes; geef eerst een invoer keuzes.</p>}
      <dl className="ontwerper-pervalue__rows">
        {rows.map((row) => (
          <div key={row.value} className="ontwerper-pervalue__row" data-testid={`${testId}-per-waarde-${row.value}`}>
            <dt>{row.label} →</dt>
            <dd>
              {renderFixed(
                p.values[row.value] ?? undefined,
                (v) => {
                  const values = { ...p.values };
                  if (v === undefined) delete values[row.value];
                  else values[row.value] = v;
                  set({ values });
                },
                `${label} bij ${subject?.label ?? ''} ${row.label}`,
                `${testId}-per-waarde-${row.value}`,
                '— zoals bij Anders —',
              )}
            </dd>
          </div>
        ))}
        {Object.keys(p.values)
          .filter((k) => !rows.some((r) => r.value === k))
          .map((k) => (
            <div key={k} className="ontwerper-pervalue__row">
              <dt>{valueLabel(subject, k)} (geen keuze meer) →</dt>
              <dd>
                <button type="button" className="button button--small" onClick={() => { const values = { ...p.values }; delete values[k]; set({ values }); }}>
                  Weghalen
                </button>
              </dd>
            </div>
          ))}
        {subject && (
          <div className="ontwerper-pervalue__row">
            <dt>Anders →</dt>
            <dd>
              {renderFixed(
                p.otherwise ?? undefined,
                (v) => {
                  const next = { ...p };
                  if (v === undefined) delete next.otherwise;
                  else next.otherwise = v;
                  onChange(perValueJson(next));
                },
                `${label} in andere gevallen`,
                `${testId}-per-waarde-anders`,
                '— niets: de standaard —',
              )}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** "Als … dan …; anders …": the first rule that holds gives the value. */
export function ChooseEditor({ value, onChange, subjects, label, testId, renderFixed }: FormProps) {
  const c = chooseOf(value);
  const set = (next: typeof c) => onChange(chooseJson(next));
  return (
    <div className="ontwerper-choose" data-testid={`${testId}-regels`}>
      {c.cases.map((x, i) => (
        <fieldset key={i} className="ontwerper-case">
          <legend>Als {i + 1}</legend>
          <RuleBuilder
            value={x.when}
            onChange={(when: Rule) => set({ ...c, cases: c.cases.map((y, j) => (j === i ? { ...y, when } : y)) })}
            subjects={subjects}
            label={`${label}: regel ${i + 1}`}
            testId={`${testId}-als-${i + 1}`}
          />
          <div className="ontwerper-inline">
            <span className="ontwerper-small-label">dan</span>
            {renderFixed(x.value ?? undefined, (v) => set({ ...c, cases: c.cases.map((y, j) => (j === i ? { ...y, value: v ?? null } : y)) }), `${label} als regel ${i + 1} geldt`, `${testId}-dan-${i + 1}`)}
          </div>
          <button type="button" className="button button--small" onClick={() => set({ ...c, cases: c.cases.filter((_, j) => j !== i) })}>
            Als {i + 1} verwijderen
          </button>
        </fieldset>
      ))}
      <button type="button" className="button button--small" onClick={() => set({ ...c, cases: [...c.cases, { when: newClause(subjects[0]), value: null }] })}>
        Regel toevoegen
      </button>
      <div className="ontwerper-inline">
        <span className="ontwerper-small-label">Anders</span>
        {renderFixed(c.otherwise ?? undefined, (v) => { const next = { ...c }; if (v === undefined) delete next.otherwise; else next.otherwise = v; set(next); }, `${label} anders`, `${testId}-anders`)}
      </div>
    </div>
  );
}

/**
 * A text with the proposal's data: the person writes "Kaderbrief: {Titel}" (or inserts "Titel" with a button); the
 * definition keeps "Kaderbrief: {input.titel}". Other braces ({naam} in a mail) stay for the step to fill.
 */
export function TemplateEditor({ value, onChange, subjects, label, testId, multiline, fieldId, hintId }: Omit<FormProps, 'renderFixed'> & { multiline: boolean; fieldId: string; hintId: string }) {
  const template = value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value['template'] === 'string' ? value['template'] : '';
  const words = templateToWords(template, subjects);
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const set = (text: string) => onChange({ template: templateFromWords(text, subjects) });
  const insert = (s: Subject) => {
    const el = ref.current;
    const at = el?.selectionStart ?? words.length;
    const end = el?.selectionEnd ?? at;
    set(`${words.slice(0, at)}{${s.label}}${words.slice(end)}`);
    requestAnimationFrame(() => el?.focus());
  };
  // Only what reads well inside a sentence: a choice or a date would show its stored code or ISO day, a yes/no nothing.
  const insertable = subjects.filter((s) => s.path.startsWith('input.') && ['string', 'text', 'number'].includes(s.type));
  const common = {
    id: fieldId,
    ref,
    className: 'form-input',
    'aria-describedby': `${hintId} ${fieldId}-voorbeeld`,
    value: words,
    onChange: (e: { target: { value: string } }) => set(e.target.value),
    'data-testid': `${testId}-sjabloon`,
  };
  return (
    <div className="ontwerper-template">
      {multiline ? <textarea {...common} rows={4} /> : <input {...common} />}
      <div className="ontwerper-template__insert" role="group" aria-label={`Gegeven invoegen in ${label}`}>
        <span className="ontwerper-small-label">Invoegen:</span>
        {insertable.map((s) => (
          <button key={s.path} type="button" className="button button--small ontwerper-chip" onClick={() => insert(s)}>
            {s.label}
          </button>
        ))}
      </div>
      <p className="ontwerper-hint" id={`${fieldId}-voorbeeld`} data-testid={`${testId}-sjabloon-uitleg`}>
        Wordt:{' '}
        {templateParts(template).map((part, i) =>
          'text' in part ? (
            <span key={i}>{part.text}</span>
          ) : (
            <span key={i} className="ontwerper-chip ontwerper-chip--static">
              {subjects.find((s) => s.path === part.subject)?.label ?? 'onbekend gegeven'}
            </span>
          ),
        )}
      </p>
    </div>
  );
}
