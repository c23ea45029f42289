import { useId, useState } from 'react';
import type { Json } from '../types';
import {
  describeRule,
  fromBuilder,
  isGroup,
  isJavaScript,
  isList,
  isRule,
  needsValue,
  newClause,
  operatorLabel,
  operatorsFor,
  toBuilder,
  withOperator,
  type Builder,
  type Clause,
  type Group,
  type Join,
  type Rule,
  type Subject,
} from '../model/conditions';
import { session } from '../session';

interface Props {
  /** The stored condition: a rule (JSON), or JavaScript text (administrators only), or nothing yet. */
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  /** The route's inputs and variables, by their Dutch names. */
  subjects: readonly Subject[];
  label: string;
  describedBy?: string | undefined;
  testId: string;
  /** Whether JavaScript may be shown and written; the page says so (role admin). */
  isAdministrator?: boolean;
}

/**
 * A condition built from the route's inputs and variables without code: "Gegeven — vergelijking — waarde" rows joined by
 * "en" or "of", with one level of groups. JavaScript (the old way) only behind "Geavanceerd", for an administrator; a
 * process owner reads that a JavaScript condition exists and may replace it with a rule.
 */
export function ConditionEditor({ value, onChange, subjects, label, describedBy, testId, isAdministrator = session().isAdministrator }: Props) {
  const script = isJavaScript(value);
  const [advanced, setAdvanced] = useState(script);
  if (script && !isAdministrator) {
    return (
      <div className="ontwerper-condition" data-testid={testId}>
        <p className="ontwerper-hint ontwerper-hint--warning" data-testid={`${testId}-javascript`}>
          Deze voorwaarde is als programmacode geschreven; alleen een beheerder kan haar wijzigen. U kunt haar vervangen door een
          regel.
        </p>
        <button type="button" className="button button--small" onClick={() => onChange(newClause(subjects[0]) as unknown as Json)}>
          Vervangen door een regel
        </button>
      </div>
    );
  }
  return (
    <div className="ontwerper-condition" data-testid={testId}>
      {isAdministrator && (
        <label className="ontwerper-toggle">
          <input
            type="checkbox"
            checked={advanced}
            onChange={(e) => {
              setAdvanced(e.target.checked);
              if (!e.target.checked && script) onChange(newClause(subjects[0]) as unknown as Json);
            }}
            data-testid={`${testId}-geavanceerd`}
          />{' '}
          Geavanceerd (JavaScript)
        </label>
      )}
      {advanced && isAdministrator ? (
        <textarea
          className="form-input ontwerper-code"
          aria-label={`${label} (JavaScript)`}
          aria-describedby={describedBy}
          rows={3}
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`${testId}-expressie`}
        />
      ) : (
        <RuleBuilder value={isRule(value) ? value : undefined} onChange={(r) => onChange(r as unknown as Json)} {...{ subjects, label, testId }} />
      )}
    </div>
  );
}

interface BuilderProps {
  value: Rule | undefined;
  onChange: (rule: Rule) => void;
  subjects: readonly Subject[];
  label: string;
  testId: string;
}

/** The rows of a rule; a rule nested deeper than the builder shows is told in words and may be started anew. */
export function RuleBuilder({ value, onChange, subjects, label, testId }: BuilderProps) {
  const builder = toBuilder(value);
  if (!builder) {
    return (
      <div data-testid={testId}>
        <p>{describeRule(value!, subjects)}</p>
        <p className="ontwerper-hint">Deze regel is te diep genest om hier te bewerken.</p>
        <button type="button" className="button button--small" onClick={() => onChange(newClause(subjects[0]))}>
          Opnieuw beginnen
        </button>
      </div>
    );
  }
  const set = (next: Builder) => onChange(fromBuilder(next));
  const setItem = (index: number, item: Clause | Group) => set({ ...builder, items: builder.items.map((x, i) => (i === index ? item : x)) });
  const remove = (index: number) => set({ ...builder, items: builder.items.filter((_, i) => i !== index) });
  return (
    <fieldset className="ontwerper-condition__rows" data-testid={`${testId}-regels`}>
      <legend className="visually-hidden">{label}</legend>
      {builder.items.length > 1 && <JoinSelect join={builder.join} onChange={(join) => set({ ...builder, join })} label={label} />}
      {builder.items.length === 0 && <p className="ontwerper-hint">Nog geen regel: dit geldt altijd.</p>}
      {builder.items.map((item, index) =>
        isGroup(item) ? (
          <fieldset key={index} className="ontwerper-condition__group" data-testid={`${testId}-groep-${index + 1}`}>
            <legend>Groep {index + 1}</legend>
            {item.clauses.length > 1 && (
              <JoinSelect join={item.join} onChange={(join) => setItem(index, { ...item, join })} label={`${label}, groep ${index + 1}`} />
            )}
            {item.clauses.map((clause, j) => (
              <ClauseRow
                key={j}
                clause={clause}
                subjects={subjects}
                name={`${index + 1}.${j + 1}`}
                testId={`${testId}-regel-${index + 1}-${j + 1}`}
                onChange={(c) => setItem(index, { ...item, clauses: item.clauses.map((x, k) => (k === j ? c : x)) })}
                onRemove={() => {
                  const clauses = item.clauses.filter((_, k) => k !== j);
                  if (clauses.length === 0) remove(index);
                  else setItem(index, { ...item, clauses });
                }}
              />
            ))}
            <button type="button" className="button button--small" onClick={() => setItem(index, { ...item, clauses: [...item.clauses, newClause(subjects[0])] })}>
              Regel toevoegen aan groep {index + 1}
            </button>
          </fieldset>
        ) : (
          <ClauseRow
            key={index}
            clause={item}
            subjects={subjects}
            name={`${index + 1}`}
            testId={`${testId}-regel-${index + 1}`}
            onChange={(c) => setItem(index, c)}
            onRemove={() => remove(index)}
          />
        ),
      )}
      <div className="ontwerper-condition__actions">
        <button type="button" className="button button--small" onClick={() => set({ ...builder, items: [...builder.items, newClause(subjects[0])] })} data-testid={`${testId}-regel-toevoegen`}>
          Regel toevoegen
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => set({ ...builder, items: [...builder.items, { join: builder.join === 'all' ? 'any' : 'all', clauses: [newClause(subjects[0]), newClause(subjects[0])] }] })}
        >
          Groep toevoegen
        </button>
      </div>
      {value !== undefined && (
        <p className="ontwerper-hint" data-testid={`${testId}-in-woorden`}>
          In woorden: {describeRule(value, subjects)}.
        </p>
      )}
    </fieldset>
  );
}

function JoinSelect({ join, onChange, label }: { join: Join; onChange: (join: Join) => void; label: string }) {
  return (
    <label className="ontwerper-inline">
      Voldoen aan{' '}
      <select className="form-input" aria-label={`${label}: voldoen aan`} value={join} onChange={(e) => onChange(e.target.value as Join)}>
        <option value="all">alle regels (en)</option>
        <option value="any">één van de regels (of)</option>
      </select>
    </label>
  );
}

interface ClauseProps {
  clause: Clause;
  subjects: readonly Subject[];
  name: string;
  testId: string;
  onChange: (clause: Clause) => void;
  onRemove: () => void;
}

function ClauseRow({ clause, subjects, name, testId, onChange, onRemove }: ClauseProps) {
  const id = useId();
  const subject = subjects.find((s) => s.path === clause.subject);
  const ops = operatorsFor(subject);
  const allOps = ops.includes(clause.op) ? ops : [...ops, clause.op];
  return (
    <div className="ontwerper-condition__row" data-testid={testId}>
      <label>
        <span className="ontwerper-small-label">Gegeven {name}</span>
        <select
          className="form-input"
          value={clause.subject}
          onChange={(e) => onChange(newClause(subjects.find((s) => s.path === e.target.value)))}
          data-testid={`${testId}-gegeven`}
        >
          {!subject && <option value={clause.subject}>{clause.subject ? `Onbekend gegeven (${clause.subject})` : '— kies —'}</option>}
          {subjects.map((s) => (
            <option key={s.path} value={s.path}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="ontwerper-small-label">Vergelijking {name}</span>
        <select
          className="form-input"
          value={clause.op}
          onChange={(e) => onChange(withOperator(clause, e.target.value as Clause['op'], subject))}
          data-testid={`${testId}-vergelijking`}
        >
          {allOps.map((op) => (
            <option key={op} value={op}>
              {operatorLabel(op)}
            </option>
          ))}
        </select>
      </label>
      {needsValue(clause.op) && <ClauseValue id={id} clause={clause} subject={subject} name={name} testId={testId} onChange={onChange} />}
      <button type="button" className="button button--small ontwerper-condition__remove" onClick={onRemove} aria-label={`Regel ${name} verwijderen`}>
        Verwijderen
      </button>
    </div>
  );
}

function ClauseValue({ id, clause, subject, name, testId, onChange }: { id: string; clause: Clause; subject: Subject | undefined; name: string; testId: string; onChange: (c: Clause) => void }) {
  const set = (value: Json) => onChange({ ...clause, value });
  const choices = subject?.type === 'boolean' ? [{ value: 'true', label: 'ja' }, { value: 'false', label: 'nee' }] : subject?.choices ?? [];
  const labelOf = (c: { value: string; label?: string }) => c.label?.trim() || c.value;
  if (isList(clause.op)) {
    const selected = Array.isArray(clause.value) ? clause.value.map(String) : [];
    if (choices.length === 0) {
      return (
        <label>
          <span className="ontwerper-small-label">Waarden {name} (gescheiden door komma's)</span>
          <input className="form-input" value={selected.join(', ')} onChange={(e) => set(e.target.value.split(',').map((x) => x.trim()).filter((x) => x !== ''))} />
        </label>
      );
    }
    return (
      <fieldset className="ontwerper-checklist" data-testid={`${testId}-waarden`}>
        <legend className="ontwerper-small-label">Waarden {name}</legend>
        {choices.map((c) => (
          <label key={c.value} className="ontwerper-checklist__item">
            <input
              type="checkbox"
              checked={selected.includes(c.value)}
              onChange={(e) => set(e.target.checked ? [...selected, c.value] : selected.filter((v) => v !== c.value))}
            />{' '}
            {labelOf(c)}
          </label>
        ))}
      </fieldset>
    );
  }
  if (choices.length > 0) {
    const current = clause.value === undefined || clause.value === null ? '' : String(clause.value);
    return (
      <label>
        <span className="ontwerper-small-label">Waarde {name}</span>
        <select
          className="form-input"
          value={current}
          onChange={(e) => set(subject?.type === 'boolean' ? e.target.value === 'true' : e.target.value)}
          data-testid={`${testId}-waarde`}
        >
          {current !== '' && !choices.some((c) => c.value === current) && <option value={current}>{current} (geen keuze van dit gegeven)</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {labelOf(c)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const isNumber = subject?.type === 'number';
  const isDate = subject?.type === 'date';
  return (
    <label htmlFor={`${id}-waarde`}>
      <span className="ontwerper-small-label">Waarde {name}</span>
      <input
        id={`${id}-waarde`}
        className="form-input"
        type={isDate ? 'date' : 'text'}
        inputMode={isNumber ? 'numeric' : undefined}
        value={clause.value === undefined || clause.value === null ? '' : String(clause.value)}
        onChange={(e) => {
          const t = e.target.value;
          set(isNumber && /^-?\d+(?:[.,]\d+)?$/.test(t.trim()) ? Number(t.trim().replace(',', '.')) : t);
        }}
        data-testid={`${testId}-waarde`}
      />
    </label>
  );
}
