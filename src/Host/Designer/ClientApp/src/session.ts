// What the page that hosts the designer tells it (Pages/Ontwerper/Route.cshtml): whether the person is an
// administrator, who alone sees JavaScript ("Geavanceerd"), and the lists a property is picked from.
import type { PickLists } from './types';

const EMPTY: PickLists = { bodies: [], members: [], meetings: [] };

export interface Session {
  isAdministrator: boolean;
  lists: PickLists;
}

let cached: Session | null = null;

/** Read once from the page; outside a browser (unit tests) a process owner with empty lists. */
export function session(): Session {
  if (cached) return cached;
  if (typeof document === 'undefined') return { isAdministrator: false, lists: EMPTY };
  const host = document.getElementById('ontwerper');
  let lists = EMPTY;
  const script = document.getElementById('ontwerper-keuzelijsten');
  if (script?.textContent) {
    try {
      const parsed = JSON.parse(script.textContent) as Partial<PickLists>;
      lists = { bodies: parsed.bodies ?? [], members: parsed.members ?? [], meetings: parsed.meetings ?? [] };
    } catch {
      lists = EMPTY;
    }
  }
  cached = { isAdministrator: host?.dataset['beheerder'] === 'ja', lists };
  return cached;
}
