// The simple condition builder on top of JavaScript conditions: clauses "subject operator value" joined by
// all-and or all-or, e.g. `input.soort === 'begroting' || input.soort === 'begrotingswijziging'`. Anything
// else (brackets, calls, mixed and/or) is left to the expression mode; parse returns null for it.

export type Operator = '===' | '!==' | '>' | '>=' | '<' | '<=' | 'truthy' | 'falsy';
export type ValueKind = 'text' | 'number' | 'boolean' | 'null' | 'undefined';

export interface Clause {
  subject: string;
  operator: Operator;
  value: string;
  kind: ValueKind;
}

export interface SimpleCondition {
  join: '&&' | '||';
  clauses: Clause[];
}

export const OPERATORS: { value: Operator; label: string }[] = [
  { value: '===', label: 'is gelijk aan' },
  { value: '!==', label: 'is niet gelijk aan' },
  { value: '>', label: 'is groter dan' },
  { value: '>=', label: 'is groter dan of gelijk aan' },
  { value: '<', label: 'is kleiner dan' },
  { value: '<=', label: 'is kleiner dan of gelijk aan' },
  { value: 'truthy', label: 'is ingevuld (waar)' },
  { value: 'falsy', label: 'is leeg (onwaar)' },
];

export const VALUE_KINDS: { value: ValueKind; label: string }[] = [
  { value: 'text', label: 'tekst' },
  { value: 'number', label: 'getal' },
  { value: 'boolean', label: 'waar/onwaar' },
  { value: 'null', label: 'leeg (null)' },
  { value: 'undefined', label: 'niet gezet (undefined)' },
];

const SUBJECT = /^(?:input|variables)(?:\.[A-Za-z_$][\w$]*)+$/;

/** Splits on a top-level operator (outside quotes); null when brackets make it more than a flat list. */
function split(text: string): { parts: string[]; joins: string[] } | null {
  const parts: string[] = [];
  const joins: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === ')' || ch === '`' || ch === '?' || ch === ';') return null;
    else if ((ch === '&' || ch === '|') && text[i + 1] === ch) {
      parts.push(text.slice(start, i).trim());
      joins.push(ch + ch);
      start = i + 2;
      i++;
    }
  }
  if (quote) return null;
  parts.push(text.slice(start).trim());
  return { parts, joins };
}

function parseLiteral(text: string): { value: string; kind: ValueKind } | null {
  const t = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { value: t, kind: 'number' };
  if (t === 'true' || t === 'false') return { value: t, kind: 'boolean' };
  if (t === 'null') return { value: '', kind: 'null' };
  if (t === 'undefined') return { value: '', kind: 'undefined' };
  const q = t[0];
  if ((q === "'" || q === '"') && t.length >= 2 && t[t.length - 1] === q) {
    let out = '';
    for (let i = 1; i < t.length - 1; i++) {
      const ch = t[i]!;
      if (ch === '\\') {
        const next = t[i + 1];
        if (next === undefined || i + 1 >= t.length - 1) return null;
        out += next;
        i++;
      } else if (ch === q) {
        return null;
      } else {
        out += ch;
      }
    }
    return { value: out, kind: 'text' };
  }
  return null;
}

function parseClause(text: string): Clause | null {
  if (SUBJECT.test(text)) return { subject: text, operator: 'truthy', value: '', kind: 'text' };
  if (text.startsWith('!') && !text.startsWith('!=')) {
    const subject = text.slice(1).trim();
    return SUBJECT.test(subject) ? { subject, operator: 'falsy', value: '', kind: 'text' } : null;
  }
  const m = /^([A-Za-z_$][\w$.]*)\s*(===|!==|>=|<=|>|<)\s*(.+)$/.exec(text);
  if (!m || !SUBJECT.test(m[1]!)) return null;
  const literal = parseLiteral(m[3]!);
  if (!literal) return null;
  return { subject: m[1]!, operator: m[2] as Operator, ...literal };
}

export function parseCondition(expression: string): SimpleCondition | null {
  const text = expression.trim();
  if (text === '') return { join: '&&', clauses: [] };
  const split_ = split(text);
  if (!split_) return null;
  const join = (split_.joins[0] ?? '&&') as '&&' | '||';
  if (split_.joins.some((j) => j !== join)) return null;
  const clauses: Clause[] = [];
  for (const part of split_.parts) {
    const clause = parseClause(part);
    if (!clause) return null;
    clauses.push(clause);
  }
  return { join, clauses };
}

export function literal(value: string, kind: ValueKind): string {
  switch (kind) {
    case 'number':
      return /^-?\d+(?:\.\d+)?$/.test(value.trim()) ? value.trim() : '0';
    case 'boolean':
      return value === 'true' ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    case 'text':
      return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
}

export function composeClause(clause: Clause): string {
  if (clause.operator === 'truthy') return clause.subject;
  if (clause.operator === 'falsy') return `!${clause.subject}`;
  return `${clause.subject} ${clause.operator} ${literal(clause.value, clause.kind)}`;
}

export function composeCondition(condition: SimpleCondition): string {
  return condition.clauses
    .filter((c) => SUBJECT.test(c.subject))
    .map(composeClause)
    .join(` ${condition.join} `);
}

export function isSubject(text: string): boolean {
  return SUBJECT.test(text);
}
