// The live preview of a request mail's subject and text, with example values for the placeholders the
// engine fills in ({naam}, {titel}, {orgaan}, {uiterlijk}).

export const MAIL_PLACEHOLDERS = ['naam', 'titel', 'orgaan', 'uiterlijk'] as const;

export function previewMail(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return [...new Set(found.filter((n) => !(MAIL_PLACEHOLDERS as readonly string[]).includes(n)))];
}
