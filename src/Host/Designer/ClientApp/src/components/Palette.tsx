import type { DragEvent } from 'react';
import type { ActivityDescriptor } from '../types';

export const DRAG_TYPE = 'application/x-adviesroute-activity';

interface Props {
  descriptors: readonly ActivityDescriptor[];
  onAdd: (type: string) => void;
}

/**
 * The activity types by category. Drag one onto the canvas, or focus it and press Enter (or click it): the new
 * step is placed to the right of the selected step, joined to it when that is unambiguous, and selected.
 */
export function Palette({ descriptors, onAdd }: Props) {
  const categories = new Map<string, ActivityDescriptor[]>();
  for (const d of descriptors) categories.set(d.category, [...(categories.get(d.category) ?? []), d]);

  const onDragStart = (event: DragEvent<HTMLButtonElement>, type: string) => {
    event.dataTransfer.setData(DRAG_TYPE, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="ontwerper-palette" aria-labelledby="ontwerper-palet-kop" data-testid="palet">
      <h2 id="ontwerper-palet-kop">Stappen</h2>
      <p className="ontwerper-hint" id="ontwerper-palet-uitleg">
        Kies een stap (klik of Enter) of sleep hem naar het canvas. Hij komt naast de geselecteerde stap en wordt daarmee verbonden als duidelijk is via welke uitgang.
      </p>
      {[...categories].map(([category, items]) => (
        <section key={category} aria-label={category}>
          <h3>{category}</h3>
          <ul>
            {items.map((d) => (
              <li key={d.type}>
                <button
                  type="button"
                  className="ontwerper-palette__item"
                  draggable
                  onDragStart={(e) => onDragStart(e, d.type)}
                  onClick={() => onAdd(d.type)}
                  data-testid={`palet-${d.type}`}
                  data-type={d.type}
                  title={d.description}
                  aria-describedby="ontwerper-palet-uitleg"
                >
                  {d.displayName}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
