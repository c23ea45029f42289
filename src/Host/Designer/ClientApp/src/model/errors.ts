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
  /** The route input the error concerns (`$.inputs[i]…`), by name. */
  routeInput?: string;
  /** The route variable the error concerns (`$.variables[i]…`), by name. */
  variable?: string;
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
const ROUTE_INPUT = /^\$\.inputs\[(\d+)\]/;
const ROUTE_VARIABLE = /^\$\.variables\[(\d+)\]/;

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
  const routeInput = ROUTE_INPUT.exec(error.path);
  if (routeInput) {
    const name = sent.inputs?.[Number(routeInput[1])]?.name;
    if (name) located.routeInput = name;
  }
  const variable = ROUTE_VARIABLE.exec(error.path);
  if (variable) {
    const name = sent.variables?.[Number(variable[1])]?.name;
    if (name) located.variable = name;
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

/** JSON paths (`$.root.activities[3].inputs.orgaan`) as they may appear inside a message's text. */
const PATH_IN_TEXT = /\s*\(?\$\.[A-Za-z0-9_.[\]'"-]*\)?:?/g;

/** A message as a person may read it: without JSON paths; a message that had nothing else says so in Dutch. */
export function plainMessage(message: string): string {
  const plain = message.replace(PATH_IN_TEXT, ' ').replace(/\s{2,}/g, ' ').trim();
  return plain === '' ? 'Dit onderdeel is niet in orde.' : plain;
}

/** Where an error is, as the error list says it: "Stap ‘Besluit DB’, veld ‘Orgaan’", "Verbinding …", "Route". */
export interface ErrorPlace {
  /** The place in words. */
  where: string;
  /** What the link to it says, or null when there is nowhere to go but the route as a whole. */
  goto: 'step' | 'connection' | 'routeData' | null;
}

export interface Names {
  /** The step's title (never empty). */
  step(id: string): string;
  /** The Dutch name of a step's field, or null when the step has no such field. */
  field(stepId: string, input: string): string | null;
  /** A connection in words ("van ‘A’, uitgang ‘Ja’, naar ‘B’"). */
  connection(edgeId: string): string | null;
  /** A route input's or variable's Dutch name. */
  routeData(kind: 'input' | 'variable', name: string): string | null;
}

export function placeOf(e: LocatedError, names: Names): ErrorPlace {
  if (e.nodeId) {
    const field = e.input ? names.field(e.nodeId, e.input) : null;
    return { where: `Stap ‘${names.step(e.nodeId)}’${field ? `, veld ‘${field}’` : ''}`, goto: 'step' };
  }
  if (e.edgeId) {
    const c = names.connection(e.edgeId);
    return c ? { where: `Verbinding ${c}`, goto: 'connection' } : { where: 'Route', goto: null };
  }
  if (e.routeInput) {
    const n = names.routeData('input', e.routeInput);
    if (n) return { where: `Gegevens van de route, invoer ‘${n}’`, goto: 'routeData' };
  }
  if (e.variable) {
    const n = names.routeData('variable', e.variable);
    if (n) return { where: `Gegevens van de route, variabele ‘${n}’`, goto: 'routeData' };
  }
  return { where: 'Route', goto: null };
}
