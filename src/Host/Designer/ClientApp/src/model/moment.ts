// A moment as the engine reads it (ISO 8601 with offset, "2027-01-06T09:00:00+01:00") and as a person picks it: a day
// and a time on the Dutch clock (Europe/Amsterdam, summer or winter time), the value of a datetime-local field.

const ZONE = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The Dutch clock at an instant, as the milliseconds of that wall time read as UTC. */
function wallClock(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** How far the Dutch clock is ahead of UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  return Math.round((wallClock(instant) - instant) / 60000);
}

/** A stored moment as the value of a datetime-local field on the Dutch clock ("2027-01-06T09:00"); '' when it is none. */
export function toDutchLocal(iso: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(wallClock(instant)).toISOString().slice(0, 16);
}

/** A day and time on the Dutch clock as the ISO moment the engine reads: "2027-01-06T09:00" → "2027-01-06T09:00:00+01:00". */
export function fromDutchLocal(local: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // The offset at the instant the wall time stands for (looked up twice to land on the right side of a change).
  let offset = offsetMinutes(asUtc - offsetMinutes(asUtc) * 60000);
  offset = offsetMinutes(asUtc - offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}:00${sign}${hh}:${mm}`;
}
