// The forms an input's value takes (the contract of issue 16, see docs/decisions/0031): a fixed value, a value per
// value of a route input ("Pijler: Publieke Gezondheid → BAC PG"), a value chosen by rules, a text with the proposal's
// data ("Kaderbrief: {input.titel}"), or JavaScript (administrators only, "Geavanceerd").
import type { InputDescriptor, Json, JsonObject } from '../types';
import { isRule, type Rule, type Subject } from './conditions';

export type ValueForm = 'fixed' | 'perValue' | 'choose' | 'template' | 'expression';

export interface PerValue {
  subject: string;
  values: Record<string, Json>;
  otherwise?: Json;
}

export interface ChooseCase {
  when: Rule;
  value: Json;
}

export interface Choose {
  cases: ChooseCase[];
  otherwise?: Json;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function only(v: JsonObject, key: string): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === key;
}

export function formOf(value: Json | undefined): ValueForm {
  if (isObject(value)) {
    if (only(value, 'expression') && typeof value['expression'] === 'string') return 'expression';
    if (only(value, 'template') && typeof value['template'] === 'string') return 'template';
    if (only(value, 'perValue') && isObject(value['perValue'])) return 'perValue';
    if (only(value, 'choose') && isObject(value['choose'])) return 'choose';
  }
  return 'fixed';
}

export function perValueOf(value: Json | undefined): PerValue {
  const p = isObject(value) && isObject(value['perValue']) ? value['perValue'] : {};
  return {
    subject: typeof p['subject'] === 'string' ? p['subject'] : '',
    values: isObject(p['values']) ? (p['values'] as Record<string, Json>) : {},
    ...(p['otherwise'] !== undefined ? { otherwise: p['otherwise'] } : {}),
  };
}

export function chooseOf(value: Json | undefined): Choose {
  const c = isObject(value) && isObject(value['choose']) ? value['choose'] : {};
  const cases = Array.isArray(c['cases'])
    ? c['cases'].filter(isObject).map((x) => ({ when: (isRule(x['when']) ? x['when'] : { all: [] }) as Rule, value: x['value'] ?? null }))
    : [];
  return { cases, ...(c['otherwise'] !== undefined ? { otherwise: c['otherwise'] } : {}) };
}

export function perValueJson(p: PerValue): Json {
  const body: JsonObject = { subject: p.subject, values: p.values };
  if (p.otherwise !== undefined) body['otherwise'] = p.otherwise;
  return { perValue: body };
}

export function chooseJson(c: Choose): Json {
  const body: JsonObject = { cases: c.cases.map((x) => ({ when: x.when as unknown as Json, value: x.value })) };
  if (c.otherwise !== undefined) body['otherwise'] = c.otherwise;
  return { choose: body };
}

/** The fixed value a computed one stands for when the person goes back to "Vast" (the first one it names). */
export function fixedOf(value: Json | undefined): Json | undefined {
  switch (formOf(value)) {
    case 'perValue': {
      const p = perValueOf(value);
      return Object.values(p.values).find((v) => v !== null) ?? p.otherwise ?? undefined;
    }
    case 'choose': {
      const c = chooseOf(value);
      return c.cases[0]?.value ?? c.otherwise ?? undefined;
    }
    case 'template':
      return (value as { template: string }).template;
    case 'expression':
      return undefined;
    default:
      return value;
  }
}

/** Which forms an input offers: a picked value "vast" or "per waarde van …" or by rules; a text also "met gegevens". */
export function formsFor(input: InputDescriptor, isAdministrator: boolean): ValueForm[] {
  if (!input.supportsExpression || input.type === 'Expression') return ['fixed'];
  const forms: ValueForm[] = ['fixed'];
  const picks = input.picker?.picks ?? [];
  const isText = (input.type === 'String' || input.type === 'Text') && !picks.some((p) => p === 'body' || p === 'member' || p === 'variable');
  if (isText) forms.push('template');
  else if (picks.includes('body') || picks.includes('member')) forms.push('perValue', 'choose');
  else if (input.type === 'Choice') forms.push('perValue');
  if (isAdministrator) forms.push('expression');
  return forms;
}

export const FORM_LABELS: Record<ValueForm, string> = {
  fixed: 'Vast',
  perValue: 'Per waarde',
  choose: 'Met regels',
  template: 'Met gegevens van het voorstel',
  expression: 'Geavanceerd (JavaScript)',
};

// Templates: "{input.titel}" in the stored text, "{Titel}" (the input's Dutch name) where a person edits it.

const PLACEHOLDER = /\{((?:input|variables)(?:\.[A-Za-z_][\w]*)+)\}/g;

export type TemplatePart = { text: string } | { subject: string };

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index! > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ subject: m[1]! });
    last = m.index! + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The stored template as a person edits it: each `{input.titel}` as `{Titel}`. */
export function templateToWords(template: string, subjects: readonly Subject[]): string {
  return template.replace(PLACEHOLDER, (whole, path: string) => {
    const s = subjects.find((x) => x.path === path);
    return s ? `{${s.label}}` : whole;
  });
}

/** What a person typed back to the stored template: `{Titel}` becomes `{input.titel}`; other braces stay. */
export function templateFromWords(text: string, subjects: readonly Subject[]): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, label: string) => {
    const s = subjects.find((x) => x.label === label);
    return s ? `{${s.path}}` : whole;
  });
}
