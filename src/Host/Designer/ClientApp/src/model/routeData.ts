// The route's own data: its inputs (what the secretary fills in when a proposal starts) and its variables (what
// steps write on the way). Pure operations for the panel "Gegevens van de route": add, change, rename and remove,
// where a rename follows every place that names the input or variable in the rule format (rule subjects,
// perValue subjects, choose cases, template placeholders) and is refused where JavaScript names it, and a removal
// is refused while anything names it. Steps are named by their title, never by JSON paths.

import type { Activity, Definition, DefinitionInput, DefinitionVariable, Json, JsonObject } from '../types';

/** The input types a process owner chooses from, in words. `json` is kept for existing inputs only. */
export const INPUT_TYPES: readonly { value: string; label: string }[] = [
  { value: 'string', label: 'tekst (één regel)' },
  { value: 'text', label: 'tekst (meerdere regels)' },
  { value: 'choice', label: 'keuze uit vaste waarden' },
  { value: 'boolean', label: 'ja/nee' },
  { value: 'date', label: 'datum' },
  { value: 'number', label: 'getal' },
];

/** The words for a type; an unknown or technical type ("json") reads as "gegevens (voor beheerders)". */
export function inputTypeLabel(type: string | undefined): string {
  return INPUT_TYPES.find((t) => t.value === (type ?? 'string'))?.label ?? 'gegevens (voor beheerders)';
}

export type DataKind = 'input' | 'variable';

export interface Choice {
  value: string;
  label: string;
}

export interface VariableField {
  name: string;
  type?: string;
  displayName?: string;
  [key: string]: unknown;
}

/** Where an input or variable is named. */
export interface Usage {
  activityId: string;
  /** The step's title as people read it. */
  step: string;
  /** How it is named there: a rule or computed value (follows a rename), a template, or JavaScript (does not). */
  how: 'rule' | 'template' | 'javascript';
}

export type Outcome = { ok: true; definition: Definition } | { ok: false; message: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a technical name can be used in rules and placeholders: letters, digits and _, not starting with a digit. */
export function isValidName(name: string): boolean {
  return NAME.test(name);
}

/** A technical name from a Dutch name: "Soort voorstel" → "soortVoorstel", "Één keer" → "eenKeer". */
export function technicalName(displayName: string): string {
  const words = displayName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const clean = /^[0-9]/.test(joined) ? `g${joined}` : joined;
  return clean || 'gegeven';
}

/** A free technical name: `base`, else `base2`, `base3` … */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

const stepTitle = (a: Activity) => a.displayName?.trim() || a.type;

/** The subject prefix of an input, a variable or a variable's field: `input.x`, `variables.x`, `variables.x.f`. */
function prefixOf(kind: DataKind, name: string, field?: string): string {
  return kind === 'input' ? `input.${name}` : field ? `variables.${name}.${field}` : `variables.${name}`;
}

/** Whether a subject names the prefix (itself, or a field below it). */
function subjectNames(subject: string, prefix: string): boolean {
  return subject === prefix || subject.startsWith(`${prefix}.`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A placeholder `{input.x}` or `{variables.x[.f]}` naming the prefix. */
function placeholderPattern(prefix: string): RegExp {
  return new RegExp(`\\{${escape(prefix)}(\\.[A-Za-z0-9_]+)?\\}`, 'g');
}

/** The prefix as JavaScript names it: `input.x` not followed by more of a name (`input.xy`). */
function scriptPattern(prefix: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_$.])${escape(prefix)}(?![A-Za-z0-9_$])`);
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks a step's input value and reports (or, with `rename`, rewrites) where `prefix` is named.
 * `scriptKey`: whether this string is JavaScript (an `expression`, or a Switch/Decision condition written as text).
 */
function walk(value: Json, prefix: string, found: Set<Usage['how']>, rename: string | null, scriptKey: boolean): Json {
  if (typeof value === 'string') {
    if (scriptKey && scriptPattern(prefix).test(value)) found.add('javascript');
    return value;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((v) => {
      const w = walk(v, prefix, found, rename, false);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? next : value;
  }
  if (!isObject(value)) return value;
  let changed = false;
  const next: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    let w: Json = v;
    if (key === 'subject' && typeof v === 'string' && subjectNames(v, prefix)) {
      found.add('rule');
      if (rename !== null) w = rename + v.slice(prefix.length);
    } else if (key === 'template' && typeof v === 'string') {
      const pattern = placeholderPattern(prefix);
      if (pattern.test(v)) {
        found.add('template');
        if (rename !== null) w = v.replace(placeholderPattern(prefix), (_, field: string | undefined) => `{${rename}${field ?? ''}}`);
      }
    } else if ((key === 'expression' || key === 'condition') && typeof v === 'string') {
      walk(v, prefix, found, rename, true);
    } else if (v !== null) {
      w = walk(v, prefix, found, rename, false);
    }
    if (w !== v) changed = true;
    next[key] = w;
  }
  return changed ? next : value;
}

/** Every step that names the input or variable (or a variable's field), with how it names it. */
export function usagesOf(def: Definition, kind: DataKind, name: string, field?: string): Usage[] {
  const prefix = prefixOf(kind, name, field);
  const usages: Usage[] = [];
  for (const a of def.root.activities) {
    if (!a.inputs) continue;
    const found = new Set<Usage['how']>();
    walk(a.inputs, prefix, found, null, false);
    for (const how of found) usages.push({ activityId: a.id, step: stepTitle(a), how });
  }
  return usages;
}

/** "‘A’", "‘A’ en ‘B’", "‘A’, ‘B’ en ‘C’". */
export function listSteps(titles: readonly string[]): string {
  const unique = [...new Set(titles)].map((t) => `‘${t}’`);
  if (unique.length <= 1) return unique.join('');
  return `${unique.slice(0, -1).join(', ')} en ${unique.at(-1)}`;
}

const stepsWord = (n: number) => (n === 1 ? 'de stap' : 'de stappen');

function labelOf(def: Definition, kind: DataKind, name: string): string {
  const list = kind === 'input' ? (def.inputs ?? []) : (def.variables ?? []);
  const item = list.find((x) => x.name === name);
  return item?.displayName?.trim() || name;
}

function rewriteSteps(def: Definition, from: string, to: string): Definition {
  let changed = false;
  const activities = def.root.activities.map((a) => {
    if (!a.inputs) return a;
    const inputs = walk(a.inputs, from, new Set(), to, false) as JsonObject;
    if (inputs === a.inputs) return a;
    changed = true;
    return { ...a, inputs };
  });
  return changed ? { ...def, root: { ...def.root, activities } } : def;
}

function replaceItem<T extends { name: string }>(list: readonly T[] | undefined, name: string, update: (item: T) => T): T[] {
  return (list ?? []).map((x) => (x.name === name ? update(x) : x));
}

/**
 * Renames the technical name of an input or a variable, and every rule, computed value and template that uses it.
 * Refused when the new name is not valid or taken, or when JavaScript uses the old name (that text is not rewritten).
 */
export function renameData(def: Definition, kind: DataKind, from: string, to: string): Outcome {
  if (from === to) return { ok: true, definition: def };
  const what = kind === 'input' ? 'invoer' : 'variabele';
  if (!isValidName(to)) {
    return { ok: false, message: `De technische naam ‘${to}’ kan niet: gebruik letters en cijfers zonder spaties, en begin met een letter.` };
  }
  const list: readonly { name: string }[] = kind === 'input' ? (def.inputs ?? []) : (def.variables ?? []);
  if (list.some((x) => x.name === to)) return { ok: false, message: `Er is al een ${what} met de technische naam ‘${to}’.` };
  const scripts = usagesOf(def, kind, from).filter((u) => u.how === 'javascript');
  if (scripts.length > 0) {
    return {
      ok: false,
      message: `‘${labelOf(def, kind, from)}’ is niet hernoemd: ${stepsWord(scripts.length)} ${listSteps(scripts.map((u) => u.step))} gebruikt de naam in een geavanceerde formule (JavaScript). Laat een beheerder die formule eerst aanpassen.`,
    };
  }
  let next = rewriteSteps(def, prefixOf(kind, from), prefixOf(kind, to));
  next =
    kind === 'input'
      ? { ...next, inputs: replaceItem(next.inputs, from, (x) => ({ ...x, name: to })) }
      : { ...next, variables: replaceItem(next.variables, from, (x) => ({ ...x, name: to })) };
  return { ok: true, definition: next };
}

/** Renames a field of a variable, and every rule and placeholder that reads `variables.v.field`. */
export function renameField(def: Definition, variable: string, from: string, to: string): Outcome {
  if (from === to) return { ok: true, definition: def };
  if (!isValidName(to)) {
    return { ok: false, message: `De technische naam ‘${to}’ kan niet: gebruik letters en cijfers zonder spaties, en begin met een letter.` };
  }
  const v = (def.variables ?? []).find((x) => x.name === variable);
  const fields = fieldsOf(v);
  if (fields.some((f) => f.name === to)) return { ok: false, message: `Dit gegeven heeft al een veld met de technische naam ‘${to}’.` };
  const scripts = usagesOf(def, 'variable', variable, from).filter((u) => u.how === 'javascript');
  if (scripts.length > 0) {
    return {
      ok: false,
      message: `Het veld is niet hernoemd: ${stepsWord(scripts.length)} ${listSteps(scripts.map((u) => u.step))} gebruikt het in een geavanceerde formule (JavaScript).`,
    };
  }
  const next = rewriteSteps(def, prefixOf('variable', variable, from), prefixOf('variable', variable, to));
  return {
    ok: true,
    definition: { ...next, variables: replaceItem(next.variables, variable, (x) => ({ ...x, fields: fields.map((f) => (f.name === from ? { ...f, name: to } : f)) })) },
  };
}

/** Removes an input or a variable; refused, naming the steps, while any step uses it. */
export function removeData(def: Definition, kind: DataKind, name: string): Outcome {
  const used = usagesOf(def, kind, name);
  if (used.length > 0) {
    return {
      ok: false,
      message: `‘${labelOf(def, kind, name)}’ is niet verwijderd: ${stepsWord(new Set(used.map((u) => u.activityId)).size)} ${listSteps(used.map((u) => u.step))} ${new Set(used.map((u) => u.activityId)).size === 1 ? 'gebruikt' : 'gebruiken'} het nog. Pas die eerst aan.`,
    };
  }
  return kind === 'input'
    ? { ok: true, definition: { ...def, inputs: (def.inputs ?? []).filter((x) => x.name !== name) } }
    : { ok: true, definition: { ...def, variables: (def.variables ?? []).filter((x) => x.name !== name) } };
}

/** Removes a field of a variable; refused while a step reads it. */
export function removeField(def: Definition, variable: string, field: string): Outcome {
  const used = usagesOf(def, 'variable', variable, field);
  if (used.length > 0) {
    return { ok: false, message: `Het veld is niet verwijderd: ${stepsWord(used.length)} ${listSteps(used.map((u) => u.step))} gebruikt het nog.` };
  }
  return {
    ok: true,
    definition: { ...def, variables: replaceItem(def.variables, variable, (x) => ({ ...x, fields: fieldsOf(x).filter((f) => f.name !== field) })) },
  };
}

/** Adds an input with a technical name made from its Dutch name. */
export function addInput(def: Definition, displayName: string, type = 'string'): { definition: Definition; name: string } {
  const taken = new Set((def.inputs ?? []).map((i) => i.name));
  const name = freeName(technicalName(displayName), taken);
  const input: DefinitionInput = { name, type, required: false, displayName };
  if (type === 'choice') input['choices'] = [];
  return { definition: { ...def, inputs: [...(def.inputs ?? []), input] }, name };
}

/** Adds a variable with a technical name made from its Dutch name. */
export function addVariable(def: Definition, displayName: string): { definition: Definition; name: string } {
  const taken = new Set((def.variables ?? []).map((v) => v.name));
  const name = freeName(technicalName(displayName), taken);
  return { definition: { ...def, variables: [...(def.variables ?? []), { name, displayName }] }, name };
}

/** Changes an input's fields (not its name); an empty description or an unset required is removed. */
export function updateInput(def: Definition, name: string, patch: Partial<Omit<DefinitionInput, 'name'>>): Definition {
  return {
    ...def,
    inputs: replaceItem(def.inputs, name, (x) => {
      const next: DefinitionInput = { ...x, ...patch };
      if (next['description'] === '') delete next['description'];
      if (patch.type !== undefined && patch.type !== 'choice') delete next['choices'];
      if (patch.type === 'choice' && !Array.isArray(next['choices'])) next['choices'] = [];
      return next;
    }),
  };
}

export function updateVariable(def: Definition, name: string, patch: Partial<Omit<DefinitionVariable, 'name'>>): Definition {
  return { ...def, variables: replaceItem(def.variables, name, (x) => ({ ...x, ...patch })) };
}

/** The choices of a `choice` input, as { value, label } (a plain string is its own label). */
export function choicesOf(input: DefinitionInput | undefined): Choice[] {
  const raw = input?.['choices'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((c): Choice[] => {
    if (typeof c === 'string') return [{ value: c, label: c }];
    if (c && typeof c === 'object' && typeof (c as { value?: unknown }).value === 'string') {
      const o = c as { value: string; label?: unknown };
      return [{ value: o.value, label: typeof o.label === 'string' ? o.label : o.value }];
    }
    return [];
  });
}

/** Sets the choices of an input; each choice's stored value is made from its label when it has none. */
export function setChoices(def: Definition, name: string, choices: readonly Choice[]): Definition {
  return updateInput(def, name, { choices: choices.map((c) => ({ value: c.value, label: c.label })) });
}

/** A new choice labelled `label`, with a stored value made from it that the input does not have yet. */
export function newChoice(existing: readonly Choice[], label: string): Choice {
  const taken = new Set(existing.map((c) => c.value));
  return { value: freeName(technicalName(label), taken), label };
}

export function fieldsOf(variable: DefinitionVariable | undefined): VariableField[] {
  const raw = variable?.['fields'];
  return Array.isArray(raw) ? raw.filter((f): f is VariableField => !!f && typeof f === 'object' && typeof (f as VariableField).name === 'string') : [];
}

export function addField(def: Definition, variable: string, displayName: string, type = 'number'): Definition {
  const v = (def.variables ?? []).find((x) => x.name === variable);
  const fields = fieldsOf(v);
  const name = freeName(technicalName(displayName), new Set(fields.map((f) => f.name)));
  return updateVariable(def, variable, { fields: [...fields, { name, type, displayName }] });
}

export function updateField(def: Definition, variable: string, field: string, patch: Partial<Omit<VariableField, 'name'>>): Definition {
  const v = (def.variables ?? []).find((x) => x.name === variable);
  return updateVariable(def, variable, { fields: fieldsOf(v).map((f) => (f.name === field ? { ...f, ...patch } : f)) });
}
