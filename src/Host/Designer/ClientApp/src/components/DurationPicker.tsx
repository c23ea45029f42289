import { useState } from 'react';
import type { Json } from '../types';
import { composeDuration, DURATION_UNITS, durationReading, splitDuration, unitLabel, type DurationUnit } from '../model/duration';

interface Props {
  /** The stored value: ISO 8601 text such as "P6W" (undefined: not given, the default applies). */
  value: Json | undefined;
  /** The input's default as ISO text, told in words while no value is set. */
  fallback: string | undefined;
  /** The input's name as people read it, for the unit's label. */
  label: string;
  fieldId: string;
  hintId: string;
  errorId: string;
  testId: string;
  onChange: (value: Json | undefined) => void;
}

const WHOLE = /^\d+$/;

/**
 * A period picked as people say it: a number and a unit ("6" "weken"). The definition keeps the ISO text the engine
 * reads ("P6W"); the person reads and chooses words only. A stored period of several parts ("P1W2D") is told in words
 * and replaced when a number is typed.
 */
export function DurationPicker({ value, fallback, label, fieldId, hintId, errorId, testId, onChange }: Props) {
  const stored = typeof value === 'string' ? value : '';
  const split = splitDuration(stored);
  const [amount, setAmount] = useState(split ? String(split.amount) : '');
  const [unit, setUnit] = useState<DurationUnit>(split?.unit ?? splitDuration(fallback ?? '')?.unit ?? 'W');
  const [seen, setSeen] = useState(stored);
  if (stored !== seen) {
    // Changed elsewhere (undo, import): show the new value unless the fields already say it.
    setSeen(stored);
    const shown = WHOLE.test(amount.trim()) ? composeDuration(Number(amount.trim()), unit) : '';
    if (shown !== stored) {
      setAmount(split ? String(split.amount) : '');
      if (split) setUnit(split.unit);
    }
  }

  const typed = amount.trim();
  const invalid = typed !== '' && !WHOLE.test(typed);
  const count = WHOLE.test(typed) ? Number(typed) : 2;
  const store = (nextAmount: string, nextUnit: DurationUnit) => {
    const a = nextAmount.trim();
    if (a === '') onChange(undefined);
    else if (WHOLE.test(a)) onChange(composeDuration(Number(a), nextUnit));
  };

  return (
    <>
      <div className="ontwerper-duration">
        <input
          id={fieldId}
          className="form-input ontwerper-duration__amount"
          inputMode="numeric"
          autoComplete="off"
          value={amount}
          aria-describedby={`${hintId} ${fieldId}-duur`}
          aria-invalid={invalid}
          aria-errormessage={invalid ? errorId : undefined}
          onChange={(e) => {
            setAmount(e.target.value);
            store(e.target.value, unit);
          }}
          data-testid={`${testId}-veld`}
        />
        <select
          className="form-input ontwerper-duration__unit"
          aria-label={`${label}: eenheid`}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as DurationUnit;
            setUnit(next);
            // Without a number there is nothing to store yet; a stored value stays until one is typed.
            if (typed !== '') store(amount, next);
          }}
          data-testid={`${testId}-eenheid`}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u.unit} value={u.unit}>
              {unitLabel(u.unit, count)}
            </option>
          ))}
        </select>
      </div>
      {invalid && (
        <p className="form-field__error" id={errorId}>
          Vul een heel getal in, bijvoorbeeld 6.
        </p>
      )}
      <p className="ontwerper-hint" id={`${fieldId}-duur`} data-testid={`${testId}-duur`}>
        {durationReading(stored, fallback)}
      </p>
    </>
  );
}
