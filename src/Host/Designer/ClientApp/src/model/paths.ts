// The test run's form and the "alle paden" view, as plain functions: which inputs the form asks (from the route's
// declared inputs, with their choices and labels), which steps let a person choose the outcome, what is sent, and how
// the paths the server lists are grouped. The components are thin over these (ADR 0032).

import type { ActivityDescriptor, Definition } from '../types';
import { portLabelOf, stepTitle } from './definition';

/** A value a route input allows, with what a person reads for it (contract §1 of issue 16). */
export interface RouteInputChoice {
  value: string;
  label: string;
}

/** A field of the test run's form for one declared route input. */
export interface TestRunField {
  name: string;
  label: string;
  kind: 'choice' | 'boolean' | 'date' | 'number' | 'text';
  required: boolean;
  choices: RouteInputChoice[];
  description?: string;
}

/** The form's fields: every declared input but `json` ones (documents are not needed to walk the route), in declared order. */
export function testRunFields(definition: Definition): TestRunField[] {
  const fields: TestRunField[] = [];
  for (const input of definition.inputs ?? []) {
    const type = (input.type ?? 'string').toLowerCase();
    if (type === 'json' || !input.name) continue;
    const raw = Array.isArray(input['choices']) ? (input['choices'] as unknown[]) : [];
    const choices = raw
      .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>)['value'] === 'string')
      .map((c) => ({ value: c['value'] as string, label: typeof c['label'] === 'string' && c['label'] ? (c['label'] as string) : (c['value'] as string) }));
    const kind: TestRunField['kind'] =
      type === 'choice' && choices.length > 0 ? 'choice' : type === 'boolean' ? 'boolean' : type === 'date' ? 'date' : type === 'number' ? 'number' : 'text';
    const description = typeof input['description'] === 'string' ? (input['description'] as string) : undefined;
    fields.push({
      name: input.name,
      label: input.displayName?.trim() || input.name,
      kind,
      required: input.required === true,
      choices,
      ...(description ? { description } : {}),
    });
  }
  if (!fields.some((f) => f.name === 'titel')) fields.unshift({ name: 'titel', label: 'Titel', kind: 'text', required: false, choices: [] });
  return fields;
}

/** What the form holds: text as typed, a choice by its value, yes/no as 'ja'/'nee'. */
export type TestRunValues = Record<string, string>;

/** The sample proposal sent to the server: empty fields left out, yes/no as true/false, numbers as numbers. */
export function testRunInput(fields: TestRunField[], values: TestRunValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name]?.trim() ?? '';
    if (v === '') continue;
    if (f.kind === 'boolean') input[f.name] = v === 'ja';
    else if (f.kind === 'number' && !Number.isNaN(Number(v))) input[f.name] = Number(v);
    else input[f.name] = v;
  }
  return input;
}

/** A step whose outcome a person chooses in a test run, with its outcomes by label; the expected one first. */
export interface DecisionStep {
  activityId: string;
  title: string;
  expected: string;
  outcomes: { port: string; label: string }[];
}

const EVALUATED = new Set(['Switch', 'Decision', 'Fork', 'Join', 'Start', 'End']);

/**
 * The decision steps of a route: each step whose declaration has more than one outcome (advice, a decision, an answer
 * round). A Switch or Decision is evaluated on the inputs, not chosen. The expected outcome is the first declared.
 */
export function decisionSteps(definition: Definition, descriptors: ReadonlyMap<string, ActivityDescriptor>): DecisionStep[] {
  const steps: DecisionStep[] = [];
  for (const a of definition.root.activities) {
    const d = descriptors.get(a.type);
    if (!d || EVALUATED.has(a.type) || d.ports.length < 2) continue;
    steps.push({
      activityId: a.id,
      title: stepTitle(a, d),
      expected: d.ports[0]!,
      outcomes: d.ports.map((p) => ({ port: p, label: portLabelOf(a, d, p) })),
    });
  }
  return steps;
}

/** Only the outcomes that differ from the expected one are sent; a step no longer in the route is dropped. */
export function chosenOutcomes(steps: DecisionStep[], chosen: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const s of steps) {
    const port = chosen[s.activityId];
    if (port && port !== s.expected && s.outcomes.some((o) => o.port === port)) result[s.activityId] = port;
  }
  return result;
}

// --- "alle paden" -------------------------------------------------------------------------------------------------

export interface PathStep {
  activityId: string;
  title: string;
  outcome: string | null;
}

export interface RoutePath {
  number: number;
  steps: PathStep[];
  inputs: string[];
  outcomes: string[];
  expectedOnly: boolean;
  /** How many steps on the path take another outcome than the expected one (the lines of `outcomes`). */
  deviations: number;
}

export interface RouteWarning {
  kind: string;
  message: string;
  activityIds: string[];
}

export interface RouteAnalysis {
  paths: RoutePath[];
  unreached: { activityId: string; title: string }[];
  warnings: RouteWarning[];
  complete: boolean;
}

/** The paths where some step takes another outcome, with how many such outcomes they have in common. */
export interface DeviationGroup {
  deviations: number;
  paths: RoutePath[];
}

/**
 * The paths with only expected outcomes (one per combination of inputs), and the others grouped by how many steps take
 * another outcome: one, two, … (a route lists every combination, so the groups keep the list browsable).
 */
export function groupPaths(analysis: RouteAnalysis): { expected: RoutePath[]; other: RoutePath[]; byDeviations: DeviationGroup[] } {
  const other = analysis.paths.filter((p) => !p.expectedOnly);
  const groups = new Map<number, RoutePath[]>();
  for (const p of other) {
    const n = Math.max(1, p.deviations);
    groups.set(n, [...(groups.get(n) ?? []), p]);
  }
  return {
    expected: analysis.paths.filter((p) => p.expectedOnly),
    other,
    byDeviations: [...groups.entries()].sort(([a], [b]) => a - b).map(([deviations, paths]) => ({ deviations, paths })),
  };
}

/** "Met 1 afwijkende uitkomst" / "Met 3 afwijkende uitkomsten". */
export function deviationsHeading(n: number): string {
  return n === 1 ? 'Met 1 afwijkende uitkomst' : `Met ${n} afwijkende uitkomsten`;
}

/**
 * A path's steps as a person reads them: the flow's own steps (start, choices) left out, a decision step with the
 * outcome it takes there: "Advies van de BAC (Negatief advies)".
 */
export function pathStepsText(path: RoutePath, definition: Definition): string[] {
  const types = new Map(definition.root.activities.map((a) => [a.id, a.type]));
  return path.steps
    .filter((s) => !['Start', 'Switch', 'Decision', 'Fork', 'Join'].includes(types.get(s.activityId) ?? ''))
    .map((s) => (s.outcome ? `${s.title} (${s.outcome})` : s.title));
}

/** "1 pad" / "12 paden" / "2.024 paden" (thousands with a dot, as Dutch writes them; "2024" reads as a year). */
export function countPaths(n: number): string {
  return n === 1 ? '1 pad' : `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} paden`;
}
