// Maps the server's validation errors (JSON paths into the definition that was sent) to the steps and
// connections they concern. The draft is sent with its activities and connections in canvas order, so index i
// of `$.root.activities[i]` is the i-th activity of the definition sent; the mapping is done against that
// definition and keyed by id, so it stays right while the person goes on editing.

import type { Definition, ServerError } from '../types';
import { edgeIds } from './definition';

export interface LocatedError extends ServerError {
  /** The step the error concerns. */
  nodeId?: string;
  /** The input of that step, for `…inputs.name`. */
  input?: string;
  /** The connection the error concerns (edge id). */
  edgeId?: string;
}

export interface MappedErrors {
  all: LocatedError[];
  byNode: ReadonlyMap<string, LocatedError[]>;
  byEdge: ReadonlyMap<string, LocatedError[]>;
  /** Errors about the definition as a whole (name, variables, start count …). */
  general: LocatedError[];
}

const ACTIVITY = /^\$\.root\.activities\[(\d+)\](.*)$/;
const CONNECTION = /^\$\.root\.connections\[(\d+)\]/;
const INPUT = /^\.inputs(?:\.([^.[\]]+)|\['((?:[^'\\]|\\.)*)'\])/;

export function locate(error: ServerError, sent: Definition): LocatedError {
  const located: LocatedError = { ...error };
  const activity = ACTIVITY.exec(error.path);
  if (activity) {
    const node = sent.root.activities[Number(activity[1])];
    if (node) {
      located.nodeId = node.id;
      const input = INPUT.exec(activity[2] ?? '');
      if (input) located.input = input[1] ?? input[2]!.replace(/\\'/g, "'");
    }
    return located;
  }
  const connection = CONNECTION.exec(error.path);
  if (connection) {
    const id = edgeIds(sent.root.connections)[Number(connection[1])];
    if (id) located.edgeId = id;
  }
  return located;
}

export function mapErrors(errors: readonly ServerError[], sent: Definition): MappedErrors {
  const all = errors.map((e) => locate(e, sent));
  const byNode = new Map<string, LocatedError[]>();
  const byEdge = new Map<string, LocatedError[]>();
  const general: LocatedError[] = [];
  for (const e of all) {
    if (e.nodeId) byNode.set(e.nodeId, [...(byNode.get(e.nodeId) ?? []), e]);
    else if (e.edgeId) byEdge.set(e.edgeId, [...(byEdge.get(e.edgeId) ?? []), e]);
    else general.push(e);
  }
  return { all, byNode, byEdge, general };
}

export const noErrors: MappedErrors = { all: [], byNode: new Map(), byEdge: new Map(), general: [] };
