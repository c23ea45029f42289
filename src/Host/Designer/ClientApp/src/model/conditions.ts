// Rules without JavaScript (issue 16, the contract in docs/decisions/0029 and 0031): a rule is plain JSON,
//   { "all": [Rule…] } ("en"), { "any": [Rule…] } ("of"), or a clause { "subject", "op", "value" },
// built in the designer from the route's inputs and variables and told in Dutch. A string where a rule goes is
// JavaScript, for administrators only ("Geavanceerd").
import type { Definition, InputChoice, Json, JsonObject } from '../types';
import { formatDate } from '../labels';

export type Operator = 'is' | 'isNot' | 'oneOf' | 'notOneOf' | 'before' | 'after' | 'isSet' | 'isNotSet';

export interface Clause {
  subject: string;
  op: Operator;
  value?: Json;
}

export type Rule = { all: Rule[] } | { any: Rule[] } | Clause;

export type Join = 'all' | 'any';

export const OPERATORS: readonly { value: Operator; label: string }[] = [
  { value: 'is', label: 'is' },
  { value: 'isNot', label: 'is niet' },
  { value: 'oneOf', label: 'is een van' },
  { value: 'notOneOf', label: 'is geen van' },
  { value: 'before', label: 'vóór' },
  { value: 'after', label: 'na' },
  { value: 'isSet', label: 'is ingevuld' },
  { value: 'isNotSet', label: 'is niet ingevuld' },
];

export const JOIN_WORD: Record<Join, string> = { all: 'en', any: 'of' };

const OPS = new Set<string>(OPERATORS.map((o) => o.value));

export function operatorLabel(op: Operator): string {
  return OPERATORS.find((o) => o.value === op)?.label ?? op;
}

/** What a rule's subject is: a route input, a variable or a variable's field, with what a person reads for it. */
export interface Subject {
  /** `input.pijler`, `variables.zienswijzen`, `variables.zienswijzen.aantalMetZienswijze`. */
  path: string;
  label: string;
  /** The route input's or field's type (`choice`, `boolean`, `date`, `number`, `string`, …); '' when unknown. */
  type: string;
  choices: InputChoice[];
}

/** Everything a rule may look at in this route: its inputs, its variables and their fields, by their Dutch names. */
export function subjectsOf(def: Pick<Definition, 'inputs' | 'variables'>): Subject[] {
  const out: Subject[] = [];
  for (const i of def.inputs ?? []) {
    out.push({
      path: `input.${i.name}`,
      label: i.displayName?.trim() || i.name,
      type: (i.type ?? 'string').toLowerCase(),
      choices: Array.isArray(i.choices) ? i.choices : [],
    });
  }
  for (const v of def.variables ?? []) {
    const label = v.displayName?.trim() || v.name;
    out.push({ path: `variables.${v.name}`, label, type: '', choices: [] });
    for (const f of v.fields ?? []) {
      out.push({
        path: `variables.${v.name}.${f.name}`,
        label: `${label}: ${f.displayName?.trim() || f.name}`,
        type: (f.type ?? '').toLowerCase(),
        choices: [],
      });
    }
  }
  return out;
}

/** The operators that make sense for a subject: "vóór"/"na" for numbers and dates, "is een van" for choices. */
export function operatorsFor(subject: Subject | undefined): Operator[] {
  switch (subject?.type) {
    case 'boolean':
      return ['is', 'isNot', 'isSet', 'isNotSet'];
    case 'number':
    case 'date':
      return ['is', 'isNot', 'before', 'after', 'isSet', 'isNotSet'];
    case 'choice':
      return ['is', 'isNot', 'oneOf', 'notOneOf', 'isSet', 'isNotSet'];
    default:
      return OPERATORS.map((o) => o.value);
  }
}

export function needsValue(op: Operator): boolean {
  return op !== 'isSet' && op !== 'isNotSet';
}

export function isList(op: Operator): boolean {
  return op === 'oneOf' || op === 'notOneOf';
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isClause(v: unknown): v is Clause {
  return isObject(v) && typeof v['subject'] === 'string' && typeof v['op'] === 'string' && OPS.has(v['op']);
}

/** Whether a stored value is a rule of the contract (not JavaScript, not anything else). */
export function isRule(v: unknown): v is Rule {
  if (isClause(v)) return true;
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length !== 1) return false;
  const list = v['all'] ?? v['any'];
  return Array.isArray(list) && list.every(isRule);
}

/** A condition written in JavaScript (the old way; administrators only). */
export function isJavaScript(v: unknown): v is string {
  return typeof v === 'string';
}

/** A value of the subject as a person reads it: a choice by its label, yes/no, a date in words. */
export function valueLabel(subject: Subject | undefined, value: Json | undefined): string {
  if (value === undefined || value === null) return 'leeg';
  if (Array.isArray(value)) {
    const parts = value.map((v) => valueLabel(subject, v));
    return parts.length <= 1 ? (parts[0] ?? 'niets') : `${parts.slice(0, -1).join(', ')} of ${parts[parts.length - 1]}`;
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string') {
    const choice = subject?.choices.find((c) => c.value === value);
    if (choice) return choice.label?.trim() || choice.value;
    if (subject?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return `‘${value}’`;
  }
  if (typeof value === 'number') return new Intl.NumberFormat('nl-NL').format(value);
  return JSON.stringify(value);
}

/** A rule in Dutch: "Soort voorstel is Begroting of (Soort voorstel is Begrotingswijziging en Vrijgesteld is niet ja)". */
export function describeRule(rule: Rule, subjects: readonly Subject[], nested = false): string {
  if (isClause(rule)) {
    const subject = subjects.find((s) => s.path === rule.subject);
    const name = subject?.label ?? `onbekend gegeven (${rule.subject})`;
    const words = `${name} ${operatorLabel(rule.op)}`;
    return needsValue(rule.op) ? `${words} ${valueLabel(subject, rule.value)}` : words;
  }
  const join: Join = 'all' in rule ? 'all' : 'any';
  const items = 'all' in rule ? rule.all : rule.any;
  if (items.length === 0) return join === 'all' ? 'altijd' : 'nooit';
  const text = items.map((r) => describeRule(r, subjects, true)).join(` ${JOIN_WORD[join]} `);
  return nested && items.length > 1 ? `(${text})` : text;
}

/** A new clause on a subject, with the value its type suggests. */
export function newClause(subject: Subject | undefined): Clause {
  const path = subject?.path ?? '';
  if (!subject) return { subject: path, op: 'isSet' };
  if (subject.type === 'boolean') return { subject: path, op: 'is', value: true };
  if (subject.choices.length > 0) return { subject: path, op: 'is', value: subject.choices[0]!.value };
  if (subject.type === 'number') return { subject: path, op: 'after', value: 0 };
  if (subject.type === '' && path.startsWith('variables.')) return { subject: path, op: 'isSet' };
  return { subject: path, op: 'is', value: '' };
}

/** The clause after its operator changed: a list for "is een van", one value for "is", none for "is ingevuld". */
export function withOperator(clause: Clause, op: Operator, subject: Subject | undefined): Clause {
  if (!needsValue(op)) return { subject: clause.subject, op };
  const current = clause.value;
  if (isList(op)) {
    const list = Array.isArray(current) ? current : current === undefined || current === '' ? [] : [current];
    return { subject: clause.subject, op, value: list };
  }
  const single = Array.isArray(current) ? current[0] : current;
  return { subject: clause.subject, op, value: single ?? newClause(subject).value ?? '' };
}

// The builder's shape: a top-level join over clauses and groups of one level ("… en (… of …)").

export interface Group {
  join: Join;
  clauses: Clause[];
}

export interface Builder {
  join: Join;
  items: (Clause | Group)[];
}

export function isGroup(item: Clause | Group): item is Group {
  return 'clauses' in item;
}

function joinOf(rule: Rule): Join | null {
  if (isClause(rule)) return null;
  return 'all' in rule ? 'all' : 'any';
}

function itemsOf(rule: { all: Rule[] } | { any: Rule[] }): Rule[] {
  return 'all' in rule ? rule.all : rule.any;
}

/** A rule as the builder shows it; null when it nests deeper than one group (then it is told in words only). */
export function toBuilder(rule: Rule | undefined): Builder | null {
  if (rule === undefined) return { join: 'all', items: [] };
  if (isClause(rule)) return { join: 'all', items: [rule] };
  const join = joinOf(rule)!;
  const items: (Clause | Group)[] = [];
  for (const item of itemsOf(rule)) {
    if (isClause(item)) {
      items.push(item);
      continue;
    }
    const inner = joinOf(item)!;
    const clauses = itemsOf(item);
    if (!clauses.every(isClause)) return null;
    items.push({ join: inner, clauses: clauses as Clause[] });
  }
  return { join, items };
}

/** The rule the builder stands for: one clause alone stays a clause; groups keep their join. */
export function fromBuilder(builder: Builder): Rule {
  const items: Rule[] = builder.items.map((item) =>
    isGroup(item) ? (item.join === 'all' ? { all: item.clauses } : { any: item.clauses }) : item,
  );
  if (items.length === 1 && isClause(items[0])) return items[0];
  return builder.join === 'all' ? { all: items } : { any: items };
}

/** Every subject a rule names (to check them against the route). */
export function subjectsIn(rule: Rule): string[] {
  if (isClause(rule)) return [rule.subject];
  return itemsOf(rule).flatMap(subjectsIn);
}
