import { useEffect, useState } from 'react';
import { api, describeProblem } from '../api';
import type { Diff, DiffConnection, VersionInfo } from '../types';
import { formatDateTime } from '../labels';
import { serialize } from '../model/definition';
import { download } from '../download';

interface Props {
  definitionId: string;
  /** Changes when the list must be read again (after publishing, reverting). */
  refreshKey: number;
  onRevert: (version: number) => Promise<void>;
  onVersions: (versions: VersionInfo[]) => void;
  /** What a person reads for an exit of a step (its label in the route being edited); the port's name without it. */
  portName?: ((activityId: string, port: string) => string) | undefined;
  /** What a person reads for a step (its title in the route being edited); the step's id without it. */
  stepName?: ((activityId: string) => string) | undefined;
}

/** The stored versions with who and when, export and revert of each, and the differences between two. */
export function VersionsPanel({ definitionId, refreshKey, onRevert, onVersions, portName, stepName }: Props) {
  const step = (id: string) => (stepName ? stepName(id) : id);
  const connectionText = (c: DiffConnection) =>
    `${step(c.source.activity)} (uitgang “${portName ? portName(c.source.activity, c.source.port) : c.source.port}”) → ${step(c.target.activity)}`;
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('draft');
  const [diff, setDiff] = useState<Diff | null>(null);
  const [diffProblem, setDiffProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.versions(definitionId).then(
      (list) => {
        if (cancelled) return;
        setVersions(list);
        onVersions(list);
        setProblem(null);
        setFrom((f) => f || (list[0] ? String(list[0].version) : ''));
      },
      (e: unknown) => !cancelled && setProblem(describeProblem(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [definitionId, refreshKey, onVersions]);

  const compare = async () => {
    setDiffProblem(null);
    setDiff(null);
    try {
      setDiff(await api.diff(definitionId, from, to));
    } catch (e) {
      setDiffProblem(describeProblem(e));
    }
  };

  const exportVersion = async (version: number) => {
    try {
      const def = await api.version(definitionId, version);
      download(`${definitionId}-v${version}.json`, serialize(def));
    } catch (e) {
      setProblem(describeProblem(e));
    }
  };

  const revert = async (version: number) => {
    setBusy(`revert-${version}`);
    try {
      await onRevert(version);
    } catch (e) {
      setProblem(describeProblem(e));
    } finally {
      setBusy(null);
    }
  };

  const label = (v: string) => (v === 'draft' ? 'het concept' : `versie ${v}`);

  return (
    <section className="ontwerper-section" aria-labelledby="ontwerper-versies-kop" data-testid="versies">
      <h2 id="ontwerper-versies-kop">Versies</h2>
      {problem && (
        <p className="form-field__error" role="alert">
          {problem}
        </p>
      )}
      {versions === null ? (
        !problem && <p>Versies laden…</p>
      ) : versions.length === 0 ? (
        <p>Nog geen versies: publiceer het concept om versie 1 te maken.</p>
      ) : (
        <table className="table" data-testid="versielijst">
          <caption className="visually-hidden">Opgeslagen versies, nieuwste eerst</caption>
          <thead>
            <tr>
              <th scope="col">Versie</th>
              <th scope="col">Status</th>
              <th scope="col">Gemaakt</th>
              <th scope="col">Door</th>
              <th scope="col">Bron</th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-testid={`versie-${v.version}`}>
                <td>{v.version}</td>
                <td>
                  {[v.isPublished ? 'gepubliceerd' : 'niet gepubliceerd', v.isLatest ? 'nieuwste' : null].filter(Boolean).join(', ')}
                </td>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>{v.createdBy ?? '—'}</td>
                <td>{v.source ?? '—'}</td>
                <td className="ontwerper-actions">
                  <button type="button" className="button button--small" onClick={() => void exportVersion(v.version)}>
                    Versie {v.version} exporteren
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy !== null}
                    onClick={() => void revert(v.version)}
                    data-testid={`terugzetten-${v.version}`}
                  >
                    Versie {v.version} terugzetten als concept
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>Vergelijken</h3>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
        data-testid="vergelijken"
      >
        <div className="form-field">
          <label className="form-label" htmlFor="ontwerper-diff-van">
            Van
          </label>
          <select id="ontwerper-diff-van" className="form-input" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="diff-van">
            {(versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                Versie {v.version}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label className="form-label" htmlFor="ontwerper-diff-naar">
            Naar
          </label>
          <select id="ontwerper-diff-naar" className="form-input" value={to} onChange={(e) => setTo(e.target.value)} data-testid="diff-naar">
            <option value="draft">Concept</option>
            {(versions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                Versie {v.version}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={!from}>
          Vergelijken
        </button>
      </form>
      {diffProblem && (
        <p className="form-field__error" role="alert">
          {diffProblem}
        </p>
      )}
      {diff && (
        <div className="ontwerper-diff" data-testid="verschillen" aria-live="polite">
          <h4>
            Van {label(String(diff.from))} naar {label(String(diff.to))}
          </h4>
          {diff.activities.added.length +
            diff.activities.removed.length +
            diff.activities.changed.length +
            diff.connections.added.length +
            diff.connections.removed.length ===
          0 ? (
            <p>Geen verschillen.</p>
          ) : (
            <ul>
              {diff.activities.added.map((a) => (
                <li key={`+${a.id}`} data-testid="diff-stap-toegevoegd">
                  <span className="badge">Toegevoegd</span> stap {a.displayName ?? step(a.id)}
                </li>
              ))}
              {diff.activities.removed.map((a) => (
                <li key={`-${a.id}`} data-testid="diff-stap-verwijderd">
                  <span className="badge">Verwijderd</span> stap {a.displayName ?? step(a.id)}
                </li>
              ))}
              {diff.activities.changed.map((a) => (
                <li key={`~${a.id}`} data-testid="diff-stap-gewijzigd">
                  <span className="badge">Gewijzigd</span> stap {a.displayName ?? step(a.id)}
                  <ul>
                    {a.changes.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                </li>
              ))}
              {diff.connections.added.map((c, i) => (
                <li key={`+c${i}`} data-testid="diff-verbinding-toegevoegd">
                  <span className="badge">Toegevoegd</span> verbinding {connectionText(c)}
                </li>
              ))}
              {diff.connections.removed.map((c, i) => (
                <li key={`-c${i}`} data-testid="diff-verbinding-verwijderd">
                  <span className="badge">Verwijderd</span> verbinding {connectionText(c)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
