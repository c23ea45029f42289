// Dutch dates, times, periods and counts: the designer's side of the host's one Dutch formatter (DutchFormat), saying the same ("20 januari 2027 om 14:30", "2 weken",
// "geen fouten", "1 fout", "2 fouten").
import { describeDuration } from './model/duration';

const ZONE = 'Europe/Amsterdam';
const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
const dayInZone = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** What a stored date, moment or period reads as when it is none. */
export const UNKNOWN_DAY = 'onbekende datum';
export const UNKNOWN_DURATION = 'onbekende duur';

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
  return day(d) === day(now) ? `om ${time.format(d)}` : `op ${formatDateTime(value)}`;
}

/** "6 januari 2027 om 10:42" in Dutch time; empty for no moment. */
export function formatDateTime(value: string | null | undefined): string {
  const d = parse(value);
  return d ? `${dayInZone.format(d)} om ${time.format(d)}` : '';
}

/** A calendar day ("2027-01-06" or a moment) as "6 januari 2027"; "onbekende datum" for text that is no date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : parse(value);
  return day && !Number.isNaN(day.getTime()) ? date.format(day) : UNKNOWN_DAY;
}

/** An ISO 8601 period as "2 weken", "1 week en 2 dagen"; "onbekende duur" for text that is no period. */
export function formatDuration(value: string | null | undefined): string {
  return (value ? describeDuration(value) : null) ?? UNKNOWN_DURATION;
}

/** Today as yyyy-mm-dd in Dutch time (the value of a date field, not for reading). */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
}

/** A count with its noun: "geen fouten", "1 fout", "2 fouten", "1.200 stappen". */
export function plural(n: number, one: string, many: string): string {
  if (n === 0) return `geen ${many}`;
  return `${number.format(n)} ${n === 1 ? one : many}`;
}
