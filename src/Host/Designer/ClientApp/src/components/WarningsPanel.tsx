import type { RouteWarning } from '../model/paths';

interface Props {
  warnings: RouteWarning[];
  /** The step a warning names first is selected on the canvas; without it the warning only names the steps. */
  onGotoNode?: (activityId: string) => void;
  stepTitle: (activityId: string) => string;
}

/** Warnings about the route (not blocking): each in Dutch, with a button per step it names that selects that step. */
export function WarningsPanel({ warnings, onGotoNode, stepTitle }: Props) {
  if (warnings.length === 0) {
    return (
      <p data-testid="waarschuwingen-geen">
        <strong>Waarschuwingen:</strong> geen.
      </p>
    );
  }
  return (
    <div className="ontwerper-waarschuwingen" data-testid="waarschuwingen">
      <h3>Waarschuwingen ({warnings.length})</h3>
      <p className="ontwerper-hint">Een waarschuwing houdt publiceren niet tegen; kijk of het zo bedoeld is.</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-testid="waarschuwing" data-kind={w.kind}>
            <span aria-hidden="true">⚠ </span>
            {w.message}
            {onGotoNode && w.activityIds.length > 0 && (
              <span className="ontwerper-waarschuwing-stappen">
                {w.activityIds.map((id) => (
                  <button key={id} type="button" className="ontwerper-link-button" onClick={() => onGotoNode(id)}>
                    Naar ‘{stepTitle(id)}’
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
