import { useId, useRef, useState } from 'react';
import {
  composeCondition,
  OPERATORS,
  parseCondition,
  VALUE_KINDS,
  type Clause,
  type Operator,
  type SimpleCondition,
  type ValueKind,
} from '../model/conditions';

interface Props {
  /** The JavaScript condition. */
  value: string;
  onChange: (value: string) => void;
  /** `input.x` and `variables.y` the route knows, offered while typing. */
  subjects: readonly string[];
  /** What a person reads for each subject (a variable's display name) beside it in the suggestions. */
  subjectLabels?: Readonly<Record<string, string>> | undefined;
  label: string;
  describedBy?: string | undefined;
  testId: string;
}

const emptyClause = (subject = ''): Clause => ({ subject, operator: '===', value: '', kind: 'text' });

/**
 * A condition as a simple builder (variable, operator, value; joined by "en" or "of") or as raw JavaScript.
 * The builder keeps its own rows while one is half typed, and only reads the value again when it changed
 * from outside (undo, the expression mode).
 */
export function ConditionEditor({ value, onChange, subjects, subjectLabels, label, describedBy, testId }: Props) {
  const id = useId();
  const parsed = parseCondition(value);
  const [mode, setMode] = useState<'simple' | 'expression'>(parsed ? 'simple' : 'expression');
  const [rows, setRows] = useState<SimpleCondition>(parsed ?? { join: '&&', clauses: [] });
  const composed = useRef(value);
  const [notice, setNotice] = useState<string | null>(null);

  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The value changed. When it was not this builder (undo, the expression mode), read it again; a
    // render-time update, as React advises for state derived from props.
    setSeen(value);
    if (value !== composed.current) {
      const again = parseCondition(value);
      if (again) setRows(again);
      else if (mode === 'simple') setMode('expression');
    }
  }

  const update = (next: SimpleCondition) => {
    setRows(next);
    const text = composeCondition(next);
    composed.current = text;
    onChange(text);
  };

  const setClause = (index: number, patch: Partial<Clause>) =>
    update({ ...rows, clauses: rows.clauses.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  const switchTo = (next: 'simple' | 'expression') => {
    setNotice(null);
    if (next === 'simple') {
      const again = parseCondition(value);
      if (!again) {
        setNotice('Deze voorwaarde is te ingewikkeld voor de eenvoudige bouwer; bewerk haar als expressie.');
        return;
      }
      setRows(again.clauses.length > 0 ? again : { join: '&&', clauses: [emptyClause()] });
    }
    setMode(next);
  };

  const listId = `${id}-onderwerpen`;
  return (
    <div className="ontwerper-condition" data-testid={testId}>
      <div className="ontwerper-segmented" role="group" aria-label={`Manier van invoeren: ${label}`}>
        <button type="button" aria-pressed={mode === 'simple'} onClick={() => switchTo('simple')}>
          Eenvoudig
        </button>
        <button type="button" aria-pressed={mode === 'expression'} onClick={() => switchTo('expression')}>
          Expressie (JavaScript)
        </button>
      </div>
      {notice && (
        <p className="ontwerper-hint ontwerper-hint--warning" role="status">
          {notice}
        </p>
      )}
      {mode === 'expression' ? (
        <textarea
          className="form-input ontwerper-code"
          aria-label={`${label} (JavaScript)`}
          aria-describedby={describedBy}
          rows={3}
          spellCheck={false}
          value={value}
          onChange={(e) => {
            composed.current = e.target.value;
            onChange(e.target.value);
          }}
          data-testid={`${testId}-expressie`}
        />
      ) : (
        <fieldset className="ontwerper-condition__rows">
          <legend className="visually-hidden">{label}</legend>
          <datalist id={listId}>
            {subjects.map((s) => (
              <option key={s} value={s} label={subjectLabels?.[s]} />
            ))}
          </datalist>
          {rows.clauses.length > 1 && (
            <label className="ontwerper-inline">
              Voldoen aan{' '}
              <select value={rows.join} onChange={(e) => update({ ...rows, join: e.target.value as '&&' | '||' })}>
                <option value="&&">alle voorwaarden (en)</option>
                <option value="||">één van de voorwaarden (of)</option>
              </select>
            </label>
          )}
          {rows.clauses.map((clause, index) => {
            const n = index + 1;
            const needsValue = clause.operator !== 'truthy' && clause.operator !== 'falsy';
            return (
              <div className="ontwerper-condition__row" key={index} data-testid={`${testId}-regel-${n}`}>
                <label>
                  <span className="ontwerper-small-label">Gegeven {n}</span>
                  <input
                    className="form-input"
                    list={listId}
                    value={clause.subject}
                    placeholder="input.soort of variables.advies.keuze"
                    spellCheck={false}
                    onChange={(e) => setClause(index, { subject: e.target.value.trim() })}
                  />
                </label>
                <label>
                  <span className="ontwerper-small-label">Vergelijking {n}</span>
                  <select className="form-input" value={clause.operator} onChange={(e) => setClause(index, { operator: e.target.value as Operator })}>
                    {OPERATORS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
                {needsValue && (
                  <>
                    <label>
                      <span className="ontwerper-small-label">Soort waarde {n}</span>
                      <select
                        className="form-input"
                        value={clause.kind}
                        onChange={(e) => {
                          const kind = e.target.value as ValueKind;
                          setClause(index, { kind, value: kind === 'boolean' ? 'true' : kind === 'null' || kind === 'undefined' ? '' : clause.value });
                        }}
                      >
                        {VALUE_KINDS.map((k) => (
                          <option key={k.value} value={k.value}>
                            {k.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    {clause.kind === 'boolean' ? (
                      <label>
                        <span className="ontwerper-small-label">Waarde {n}</span>
                        <select className="form-input" value={clause.value} onChange={(e) => setClause(index, { value: e.target.value })}>
                          <option value="true">waar</option>
                          <option value="false">onwaar</option>
                        </select>
                      </label>
                    ) : clause.kind !== 'null' && clause.kind !== 'undefined' ? (
                      <label>
                        <span className="ontwerper-small-label">Waarde {n}</span>
                        <input
                          className="form-input"
                          inputMode={clause.kind === 'number' ? 'decimal' : undefined}
                          value={clause.value}
                          onChange={(e) => setClause(index, { value: e.target.value })}
                        />
                      </label>
                    ) : null}
                  </>
                )}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => update({ ...rows, clauses: rows.clauses.filter((_, i) => i !== index) })}
                >
                  Voorwaarde {n} verwijderen
                </button>
              </div>
            );
          })}
          <button type="button" className="button button--small" onClick={() => setRows({ ...rows, clauses: [...rows.clauses, emptyClause()] })}>
            Voorwaarde toevoegen
          </button>
          <p className="ontwerper-hint">
            Resultaat: <code data-testid={`${testId}-resultaat`}>{value || '(leeg)'}</code>
          </p>
        </fieldset>
      )}
    </div>
  );
}
