// Dutch words for what the engine names in English, and Dutch dates and times.

const PORTS: Record<string, string> = {
  Done: 'Klaar',
  True: 'Waar',
  False: 'Onwaar',
  Default: 'Anders',
};

/** The label of an outcome port: a Dutch word for the engine's English ports, else the port's own name. */
export function portLabel(port: string): string {
  return PORTS[port] ?? port;
}

const ZONE = 'Europe/Amsterdam';
const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: ZONE });
const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: ZONE });
const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "om 10:42" for a moment today, else "op 6 januari 2027 om 10:42" (Dutch time). */
export function formatWhen(value: string | null | undefined, now: Date = new Date()): string {
  const d = parse(value);
  if (!d) return '';
  const day = (x: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(x);
  return day(d) === day(now) ? `om ${time.format(d)}` : `op ${dateTime.format(d)}`;
}

/** "6 januari 2027 om 10:42" in Dutch time. */
export function formatDateTime(value: string | null | undefined): string {
  const d = parse(value);
  return d ? dateTime.format(d) : '';
}

/** A calendar day ("2027-01-06" or a moment) as "6 januari 2027". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : parse(value);
  return day && !Number.isNaN(day.getTime()) ? date.format(day) : value;
}

/** Today as yyyy-mm-dd in Dutch time. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
