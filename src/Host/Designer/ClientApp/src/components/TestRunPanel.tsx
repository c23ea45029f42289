import { useState } from 'react';
import type { ActivityDescriptor, Definition, TestRunResult } from '../types';
import { describeProblem, ProblemError } from '../api';
import { portLabelOf, stepTitle } from '../model/definition';
import { formatDate, todayIso } from '../labels';

interface Props {
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  /** Saves the draft, runs it on simulated time and marks the path on the canvas. */
  onRun: (start: string, input: Record<string, unknown>) => Promise<TestRunResult>;
  onClear: () => void;
  hasHighlight: boolean;
}

/**
 * A test run of the draft: a start date and the route's inputs (at least the title). It sends no mail and uses
 * simulated time; the path it took is marked on the canvas.
 */
export function TestRunPanel({ definition, descriptors, onRun, onClear, hasHighlight }: Props) {
  const [start, setStart] = useState(todayIso());
  const [values, setValues] = useState<Record<string, string | boolean>>({ titel: 'Testvoorstel' });
  const [result, setResult] = useState<TestRunResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; errors: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = (definition.inputs ?? []).filter((i) => (i.type ?? 'string') !== 'json');
  if (!inputs.some((i) => i.name === 'titel')) inputs.unshift({ name: 'titel', type: 'string', displayName: 'Titel' });

  const run = async () => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (v !== '' && v !== false) input[k] = v;
    try {
      setResult(await onRun(start, input));
    } catch (e) {
      setProblem({
        message: describeProblem(e),
        errors: e instanceof ProblemError ? e.errors.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ontwerper-section" aria-labelledby="ontwerper-testrun-kop" data-testid="testrun">
      <h2 id="ontwerper-testrun-kop">Testrun</h2>
      <p className="ontwerper-hint">
        Een testrun loopt het concept door met gesimuleerde tijd en de verwachte uitkomst bij elke stap. Er gaat geen mail uit. Het
        gevolgde pad wordt op het canvas gemarkeerd.
      </p>
      <form
        className="ontwerper-testrun-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="form-field">
          <label className="form-label" htmlFor="ontwerper-testrun-start">
            Startdatum
          </label>
          <input
            id="ontwerper-testrun-start"
            type="date"
            className="form-input"
            required
            value={start}
            onChange={(e) => setStart(e.target.value)}
            data-testid="testrun-start"
          />
        </div>
        {inputs.map((i) => {
          const id = `ontwerper-testrun-${i.name}`;
          const boolean = i.type === 'boolean';
          return boolean ? (
            <div className="form-field form-field--checkbox" key={i.name}>
              <input
                id={id}
                type="checkbox"
                className="form-checkbox"
                checked={values[i.name] === true}
                onChange={(e) => setValues({ ...values, [i.name]: e.target.checked })}
                data-testid={`testrun-${i.name}`}
              />
              <label htmlFor={id}>{i.displayName ?? i.name}</label>
            </div>
          ) : (
            <div className="form-field" key={i.name}>
              <label className="form-label" htmlFor={id}>
                {i.displayName ?? i.name}
                {i.required ? ' (verplicht)' : ''}
              </label>
              <input
                id={id}
                className="form-input"
                value={typeof values[i.name] === 'string' ? (values[i.name] as string) : ''}
                onChange={(e) => setValues({ ...values, [i.name]: e.target.value })}
                data-testid={`testrun-${i.name}`}
              />
            </div>
          );
        })}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="testrun-starten">
          {busy ? 'Testrun loopt…' : 'Testrun starten'}
        </button>{' '}
        {hasHighlight && (
          <button type="button" className="button button--secondary-outline" onClick={onClear}>
            Markering wissen
          </button>
        )}
      </form>
      {problem && (
        <div className="error-summary" role="alert" data-testid="testrun-fout">
          <h3>De testrun is gestopt</h3>
          <p>{problem.message}</p>
          {problem.errors.length > 0 && (
            <ul>
              {problem.errors.map((e, i) => (
                <li key={i}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <TestRunResultView result={result} definition={definition} descriptors={descriptors} />}
    </section>
  );
}

interface ResultProps {
  result: TestRunResult;
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
}

/** What a test run found: the decision day, the path and each step with its day and outcome, in words. */
export function TestRunResultView({ result, definition, descriptors }: ResultProps) {
  // A step without a title reads as "Stap zonder titel (…)", one no longer in the draft as "Stap zonder titel": never an id.
  const label = (id: string) => {
    const a = definition.root.activities.find((x) => x.id === id);
    return stepTitle(a, a ? descriptors.get(a.type) : undefined);
  };
  // An exit by its label; of a step no longer in the draft nothing tells what it reads, so it is left out.
  const portLabel = (id: string, port: string) => {
    const a = definition.root.activities.find((x) => x.id === id);
    return a ? portLabelOf(a, descriptors.get(a.type), port) : null;
  };

  return (
    <div data-testid="testrun-resultaat" aria-live="polite">
      <p>
        {result.decisionDate ? (
          <>
            Besluit op <strong data-testid="testrun-besluitdatum">{formatDate(result.decisionDate)}</strong>.{' '}
          </>
        ) : null}
        Pad: {result.path.map(label).join(' → ')}.
      </p>
      <ol className="timeline">
        {result.steps.map((s, i) => (
          <li key={i} data-testid="testrun-stap" data-activity-id={s.activityId}>
            <strong data-testid="testrun-stap-titel">{label(s.activityId)}</strong>
            {s.dateText || s.date ? ` – ${s.dateText || formatDate(s.date)}` : ''}
            {s.port && portLabel(s.activityId, s.port) ? ` – uitgang ${portLabel(s.activityId, s.port)}` : ''}
            {s.text ? <div>{s.text}</div> : null}
          </li>
        ))}
      </ol>
      {result.result !== null && result.result !== undefined && (
        <p>
          Uitkomst: <code>{typeof result.result === 'string' ? result.result : JSON.stringify(result.result)}</code>
        </p>
      )}
    </div>
  );
}
