import { useState, type ReactNode } from 'react';
import type { ActivityDescriptor, Definition } from '../types';
import { api, describeProblem } from '../api';
import { stepTitle } from '../model/definition';
import { countPaths, deviationsHeading, groupPaths, pathStepsText, type RouteAnalysis, type RoutePath } from '../model/paths';
import { WarningsPanel } from './WarningsPanel';

interface Props {
  definition: Definition;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  onGotoNode?: (activityId: string) => void;
}

/**
 * "Alle paden": every distinct path through the saved draft, with the inputs and the outcomes that lead to it, the
 * steps no path reaches and the warnings that come from the paths. The server works it out without the calendar.
 */
export function AllPathsPanel({ definition, descriptors, onGotoNode }: Props) {
  const [analysis, setAnalysis] = useState<RouteAnalysis | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setAnalysis(await api.paths(definition.definitionId));
    } catch (e) {
      setAnalysis(null);
      setProblem(describeProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const title = (id: string) => {
    const a = definition.root.activities.find((x) => x.id === id);
    return stepTitle(a, a ? descriptors.get(a.type) : undefined);
  };
  const groups = analysis ? groupPaths(analysis) : null;

  return (
    <section className="ontwerper-section" aria-labelledby="ontwerper-paden-kop" data-testid="alle-paden">
      <h2 id="ontwerper-paden-kop">Alle paden</h2>
      <p className="ontwerper-hint">
        Elk pad dat een voorstel door deze route kan nemen, met de invoer en de uitkomsten die ertoe leiden. Invoer die bij een pad
        niet genoemd wordt, maakt voor dat pad niet uit. Een lus telt hooguit één keer; elke combinatie van uitkomsten staat erbij.
        Uitkomsten die naar dezelfde stappen leiden, vormen samen één pad. Dit gaat over het opgeslagen concept.
      </p>
      <button type="button" className="button button--secondary" onClick={() => void load()} disabled={busy} data-testid="alle-paden-tonen">
        {busy ? 'Paden worden bepaald…' : analysis ? 'Paden opnieuw bepalen' : 'Alle paden tonen'}
      </button>
      {problem && (
        <div className="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {analysis && groups && (
        <div aria-live="polite" data-testid="alle-paden-resultaat">
          <p data-testid="alle-paden-samenvatting">
            {countPaths(analysis.paths.length)}: {countPaths(groups.expected.length)} met de verwachte uitkomsten en{' '}
            {countPaths(groups.other.length)} waarin een of meer stappen een andere uitkomst hebben.
            {!analysis.complete && ' De route heeft meer paden dan hier staan.'}
          </p>
          <WarningsPanel warnings={analysis.warnings} stepTitle={title} {...(onGotoNode ? { onGotoNode } : {})} />
          <p data-testid="alle-paden-onbereikt">
            <strong>Stappen die geen pad bereikt:</strong>{' '}
            {analysis.unreached.length === 0 ? 'geen.' : analysis.unreached.map((u) => `‘${u.title}’`).join(', ') + '.'}
          </p>
          <h3>Met de verwachte uitkomsten</h3>
          <PathList paths={groups.expected} definition={definition} />
          {groups.byDeviations.length > 0 && <h3>Met een andere uitkomst</h3>}
          {groups.byDeviations.map((g) => (
            <FoldedPaths key={g.deviations} heading={`${deviationsHeading(g.deviations)} (${countPaths(g.paths.length)})`} deviations={g.deviations}>
              <PathList paths={g.paths} definition={definition} />
            </FoldedPaths>
          ))}
        </div>
      )}
    </section>
  );
}

/** A folded group of paths; its list is only drawn once opened (a route can have thousands of paths). */
function FoldedPaths({ heading, deviations, children }: { heading: string; deviations: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details data-testid="alle-paden-andere" data-afwijkingen={deviations} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{heading}</summary>
      {open && children}
    </details>
  );
}

function PathList({ paths, definition }: { paths: RoutePath[]; definition: Definition }) {
  return (
    <ol className="ontwerper-paden">
      {paths.map((p) => (
        <li key={p.number} data-testid="pad" data-expected={p.expectedOnly ? 'ja' : 'nee'}>
          <h4>Pad {p.number}</h4>
          <p>
            <strong>Bij:</strong>{' '}
            {p.inputs.length === 1 ? (
              p.inputs[0]
            ) : (
              <>
                {p.inputs.map((line, i) => (
                  <span key={i} className="ontwerper-pad-regel">
                    {i > 0 ? 'of ' : ''}
                    {line}
                  </span>
                ))}
              </>
            )}
          </p>
          {p.outcomes.length > 0 && (
            <p data-testid="pad-uitkomsten">
              <strong>Uitkomsten:</strong> {p.outcomes.join('; ')}
            </p>
          )}
          <p className="ontwerper-pad-stappen">{pathStepsText(p, definition).join(' → ')}</p>
        </li>
      ))}
    </ol>
  );
}
