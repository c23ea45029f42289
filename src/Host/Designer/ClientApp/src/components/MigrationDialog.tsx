import { useEffect, useRef, useState } from 'react';
import { api, describeProblem } from '../api';
import type { MigrationPlanItem, MigrationResultItem, VersionInfo } from '../types';

interface Props {
  definitionId: string;
  versions: readonly VersionInfo[];
  open: boolean;
  onClose: () => void;
}

/**
 * "Lopende voorstellen verplaatsen": choose the version, see in a dry run where each running proposal would land
 * and what cannot be mapped, tick the ones to move, and move them.
 */
export function MigrationDialog({ definitionId, versions, open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const published = versions.filter((v) => v.isPublished);
  const [to, setTo] = useState<number | null>(null);
  const [plan, setPlan] = useState<MigrationPlanItem[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<MigrationResultItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      setPlan(null);
      setResults(null);
      setProblem(null);
      setTo(published[0]?.version ?? null);
    } else if (!open && d.open) {
      d.close();
    }
    // The dialog opens with the newest published version chosen; a later change of the list leaves the choice alone.
  }, [open]);

  const dryRun = async () => {
    if (to === null) return;
    setBusy(true);
    setProblem(null);
    setResults(null);
    try {
      const items = await api.migrationPlan(definitionId, to);
      setPlan(items);
      setChosen(new Set(items.filter((i) => i.mappable).map((i) => i.instanceId)));
    } catch (e) {
      setProblem(describeProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (to === null || chosen.size === 0) return;
    setBusy(true);
    setProblem(null);
    try {
      setResults(await api.migrate(definitionId, to, [...chosen]));
    } catch (e) {
      setProblem(describeProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <dialog
      ref={dialog}
      className="ontwerper-dialog"
      aria-labelledby="ontwerper-migratie-kop"
      onClose={onClose}
      data-testid="migratie-dialoog"
    >
      <h2 id="ontwerper-migratie-kop">Lopende voorstellen verplaatsen</h2>
      <p>
        Lopende voorstellen blijven op de versie waarmee ze begonnen. Hier verplaatst u ze naar een nieuwere versie. Eerst ziet u in een
        proefrun waar elk voorstel terechtkomt; er verandert dan nog niets.
      </p>
      {published.length === 0 ? (
        <p>Er is nog geen gepubliceerde versie.</p>
      ) : (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            void dryRun();
          }}
        >
          <div className="form-field">
            <label className="form-label" htmlFor="ontwerper-migratie-versie">
              Naar versie
            </label>
            <select
              id="ontwerper-migratie-versie"
              className="form-input"
              value={to ?? ''}
              onChange={(e) => {
                setTo(Number(e.target.value));
                setPlan(null);
                setResults(null);
              }}
              data-testid="migratie-versie"
            >
              {published.map((v) => (
                <option key={v.version} value={v.version}>
                  Versie {v.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="migratie-proefrun">
            Proefrun
          </button>
        </form>
      )}
      {problem && (
        <p className="form-field__error" role="alert">
          {problem}
        </p>
      )}
      {plan && plan.length === 0 && <p>Er lopen geen voorstellen op een andere versie.</p>}
      {plan && plan.length > 0 && (
        <table className="table" data-testid="migratie-tabel">
          <caption>Proefrun naar versie {to}</caption>
          <thead>
            <tr>
              <th scope="col">Verplaatsen</th>
              <th scope="col">Voorstel</th>
              <th scope="col">Nu op versie</th>
              <th scope="col">Komt terecht bij</th>
              <th scope="col">Wat niet past</th>
              {results && <th scope="col">Resultaat</th>}
            </tr>
          </thead>
          <tbody>
            {plan.map((item) => {
              const result = results?.find((r) => r.instanceId === item.instanceId);
              const title = item.title ?? item.instanceId;
              return (
                <tr key={item.instanceId} data-testid={`migratie-${item.instanceId}`}>
                  <td>
                    <input
                      type="checkbox"
                      className="form-checkbox"
                      aria-label={`${title} verplaatsen`}
                      checked={chosen.has(item.instanceId)}
                      disabled={!item.mappable || busy || results !== null}
                      onChange={(e) => toggle(item.instanceId, e.target.checked)}
                    />
                  </td>
                  <td>{title}</td>
                  <td>{item.fromVersion}</td>
                  <td>{item.landsOn.length > 0 ? item.landsOn.map((l) => `${l.name} (${l.activityId})`).join(', ') : '—'}</td>
                  <td>
                    {item.mappable ? (item.problems.length > 0 ? null : 'Past') : <strong>Kan niet worden verplaatst. </strong>}
                    {item.problems.length > 0 && (
                      <ul>
                        {item.problems.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {results && (
                    <td data-testid={`migratie-resultaat-${item.instanceId}`}>
                      {result ? (result.migrated ? 'Verplaatst' : `Niet verplaatst: ${result.problems.join('; ')}`) : 'Niet gekozen'}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {results && (
        <p role="status" data-testid="migratie-samenvatting">
          {results.filter((r) => r.migrated).length} van {results.length} voorstellen verplaatst naar versie {to}.
        </p>
      )}
      <div className="ontwerper-dialog__actions">
        {plan && plan.length > 0 && !results && (
          <button type="button" className="button button--primary" disabled={busy || chosen.size === 0} onClick={() => void apply()} data-testid="migratie-toepassen">
            {chosen.size === 1 ? '1 voorstel verplaatsen' : `${chosen.size} voorstellen verplaatsen`}
          </button>
        )}{' '}
        <button type="button" className="button button--secondary-outline" onClick={onClose}>
          Sluiten
        </button>
      </div>
    </dialog>
  );
}
