// The undo/redo stack of the designer. Each entry is a whole definition (they share unchanged parts, so this is
// cheap). Edits that carry the same coalesce key in a row, each within COALESCE_MS of the one before (typing in
// one field, nudging a step with the arrow keys), become one step, so Ctrl+Z undoes a word, not a letter.

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The coalesce key of the last push; cleared by undo, redo and pushes without a key. */
  readonly lastKey: string | null;
  /** When the last push happened (ms), for the coalesce window. */
  readonly lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1500;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export function push<T>(history: History<T>, next: T, coalesceKey: string | null = null, now = 0): History<T> {
  if (next === history.present) return history;
  const inWindow = now - history.lastAt <= COALESCE_MS;
  if (coalesceKey !== null && coalesceKey === history.lastKey && inWindow && history.past.length > 0) {
    return { past: history.past, present: next, future: [], lastKey: coalesceKey, lastAt: now };
  }
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], lastKey: coalesceKey, lastAt: now };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  const previous = history.past[history.past.length - 1]!;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], lastKey: null, lastAt: 0 };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next!, future: rest, lastKey: null, lastAt: 0 };
}

export const canUndo = <T>(history: History<T>): boolean => history.past.length > 0;
export const canRedo = <T>(history: History<T>): boolean => history.future.length > 0;
