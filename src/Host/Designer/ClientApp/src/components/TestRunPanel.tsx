import { useMemo, useState } from 'react';
import type { ActivityDescriptor, Definition, TestRunResult } from '../types';
import { describeProblem, ProblemError } from '../api';
import { portLabelOf, stepTitle } from '../model/definition';
import { formatDate, todayIso } from '../labels';
import { chosenOutcomes, decisionSteps, testRunFields, testRunInput, type TestRunValues } from '../model/paths';
import { AllPathsPanel } from './AllPathsPanel';

interface Props {
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  /** Saves the draft, runs it on simulated time (with the chosen outcomes) and marks the path on the canvas. */
  onRun: (start: string, input: Record<string, unknown>, outcomes: Record<string, string>) => Promise<TestRunResult>;
  onClear: () => void;
  hasHighlight: boolean;
  /** Selects a step on the canvas, so a warning can lead to it; without it the warnings only name the steps. */
  onGotoNode?: (activityId: string) => void;
}

/**
 * A test run of the draft: a start date, the route's inputs as its declaration offers them (a list for a choice, ja/nee,
 * a date field) and per decision step the outcome to take. It sends no mail, stores nothing and uses simulated time; the
 * path it took is marked on the canvas. Below it, "alle paden" lists every path with the warnings that come from them.
 */
export function TestRunPanel({ definition, descriptors, onRun, onClear, hasHighlight, onGotoNode }: Props) {
  const [start, setStart] = useState(todayIso());
  const [values, setValues] = useState<TestRunValues>({ titel: 'Testvoorstel' });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TestRunResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; errors: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => testRunFields(definition), [definition]);
  const steps = useMemo(() => decisionSteps(definition, descriptors), [definition, descriptors]);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      setResult(await onRun(start, testRunInput(fields, values), chosenOutcomes(steps, chosen)));
    } catch (e) {
      const errors = e instanceof ProblemError ? e.errors.map((x) => x.message) : [];
      setProblem({ message: e instanceof ProblemError && errors.length > 0 ? e.title : describeProblem(e), errors });
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string) => setValues({ ...values, [name]: value });

  return (
    <>
      <section className="ontwerper-section" aria-labelledby="ontwerper-testrun-kop" data-testid="testrun">
        <h2 id="ontwerper-testrun-kop">Testrun</h2>
        <p className="ontwerper-hint">
          Een testrun loopt het concept door met gesimuleerde tijd. Er gaat geen mail uit en er wordt niets opgeslagen. Het gevolgde
          pad wordt op het canvas gemarkeerd.
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
            <span className="ontwerper-hint" id="ontwerper-testrun-start-tekst" data-testid="testrun-start-tekst">
              {start ? formatDate(start) : 'Kies een dag'}
            </span>
            <input
              id="ontwerper-testrun-start"
              type="date"
              className="form-input"
              required
              aria-describedby="ontwerper-testrun-start-tekst"
              value={start}
              onChange={(e) => setStart(e.target.value)}
              data-testid="testrun-start"
            />
          </div>
          {fields.map((f) => {
            const id = `ontwerper-testrun-${f.name}`;
            const label = (
              <label className="form-label" htmlFor={id}>
                {f.label}
                {f.required ? ' (verplicht)' : ''}
              </label>
            );
            const common = { id, 'data-testid': `testrun-${f.name}`, required: f.required };
            return (
              <div className="form-field" key={f.name}>
                {label}
                {f.kind === 'choice' ? (
                  <select {...common} className="form-input" value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                    <option value="">{f.required ? 'Kies…' : 'Niet ingevuld'}</option>
                    {f.choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                ) : f.kind === 'boolean' ? (
                  <select {...common} className="form-input" value={values[f.name] ?? 'nee'} onChange={(e) => set(f.name, e.target.value)}>
                    <option value="nee">Nee</option>
                    <option value="ja">Ja</option>
                  </select>
                ) : (
                  <input
                    {...common}
                    className="form-input"
                    type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'}
                    value={values[f.name] ?? ''}
                    onChange={(e) => set(f.name, e.target.value)}
                  />
                )}
              </div>
            );
          })}
          {steps.length > 0 && (
            <fieldset className="ontwerper-testrun-uitkomsten" data-testid="testrun-uitkomsten">
              <legend>Uitkomst per beslisstap</legend>
              <p className="ontwerper-hint">
                De gekozen uitkomst geldt de eerste keer dat het voorstel de stap bereikt; daarna volgt de testrun de verwachte
                uitkomst, zodat een lus hooguit één keer wordt doorlopen.
              </p>
              {steps.map((s) => {
                const id = `ontwerper-testrun-uitkomst-${s.activityId}`;
                return (
                  <div className="form-field" key={s.activityId}>
                    <label className="form-label" htmlFor={id}>
                      {s.title}
                    </label>
                    <select
                      id={id}
                      className="form-input"
                      value={chosen[s.activityId] ?? s.expected}
                      onChange={(e) => setChosen({ ...chosen, [s.activityId]: e.target.value })}
                      data-testid={`testrun-uitkomst-${s.activityId}`}
                    >
                      {s.outcomes.map((o) => (
                        <option key={o.port} value={o.port}>
                          {o.port === s.expected ? `${o.label} (verwacht)` : o.label}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </fieldset>
          )}
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
            <h3>De testrun is niet gestart</h3>
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
      <AllPathsPanel definition={definition} descriptors={descriptors} {...(onGotoNode ? { onGotoNode } : {})} />
    </>
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
