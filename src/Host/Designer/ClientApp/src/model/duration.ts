// ISO 8601 durations (P6W, P10D, PT2H) as the engine reads them (IsoDuration), told in Dutch. A definition stores
// the ISO text; a person reads and picks "6 weken".

const PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isValidDuration(text: string): boolean {
  const t = text.trim();
  return PATTERN.test(t) && t !== 'P' && t !== 'PT' && !t.endsWith('T');
}

const UNITS: [string, string][] = [
  ['jaar', 'jaar'],
  ['maand', 'maanden'],
  ['week', 'weken'],
  ['dag', 'dagen'],
  ['uur', 'uur'],
  ['minuut', 'minuten'],
  ['seconde', 'seconden'],
];

/** "P6W" → "6 weken"; "P1DT2H" → "1 dag en 2 uur"; null when the text is no duration. */
export function describeDuration(text: string): string | null {
  if (!isValidDuration(text)) return null;
  const m = PATTERN.exec(text.trim())!;
  const parts: string[] = [];
  for (let i = 0; i < UNITS.length; i++) {
    const raw = m[i + 1];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (n === 0) continue;
    const [one, many] = UNITS[i]!;
    parts.push(`${raw.replace('.', ',')} ${n === 1 ? one : many}`);
  }
  if (parts.length === 0) return '0 dagen';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/** The units the duration picker offers; `unit` names how the unit is written in the ISO text (MIN: the M after T). */
export type DurationUnit = 'D' | 'W' | 'M' | 'Y' | 'H' | 'MIN';

export const DURATION_UNITS: readonly { unit: DurationUnit; one: string; many: string }[] = [
  { unit: 'D', one: 'dag', many: 'dagen' },
  { unit: 'W', one: 'week', many: 'weken' },
  { unit: 'M', one: 'maand', many: 'maanden' },
  { unit: 'Y', one: 'jaar', many: 'jaar' },
  { unit: 'H', one: 'uur', many: 'uur' },
  { unit: 'MIN', one: 'minuut', many: 'minuten' },
];

// The picker's units in the order of the pattern's groups (years, months, weeks, days, hours, minutes).
const GROUP_UNITS: DurationUnit[] = ['Y', 'M', 'W', 'D', 'H', 'MIN'];

/**
 * A duration the picker can show as one number and one unit ("P6W" → 6 weken); null for a duration of several parts
 * ("P1W2D"), with seconds, or no duration at all: the picker then shows it in words and offers to replace it.
 */
export function splitDuration(text: string): { amount: number; unit: DurationUnit } | null {
  if (!isValidDuration(text)) return null;
  const m = PATTERN.exec(text.trim())!;
  if (m[7] !== undefined) return null;
  const present = GROUP_UNITS.map((unit, i) => ({ unit, raw: m[i + 1] })).filter((p) => p.raw !== undefined);
  if (present.length !== 1) return null;
  return { amount: Number(present[0]!.raw), unit: present[0]!.unit };
}

/** The ISO text of a picked duration: 6 weken → "P6W", 4 uur → "PT4H", 30 minuten → "PT30M". */
export function composeDuration(amount: number, unit: DurationUnit): string {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`Geen geldig aantal: ${amount}`);
  switch (unit) {
    case 'H':
      return `PT${amount}H`;
    case 'MIN':
      return `PT${amount}M`;
    default:
      return `P${amount}${unit}`;
  }
}

/** The unit's word for an amount: 1 → "week", otherwise "weken". */
export function unitLabel(unit: DurationUnit, amount: number): string {
  const u = DURATION_UNITS.find((x) => x.unit === unit)!;
  return amount === 1 ? u.one : u.many;
}

/**
 * The line beside the duration picker, in words only: the default when nothing is set ("Standaard: 6 weken"), the
 * value that is set ("Ingesteld: 4 weken"), and for a value the picker cannot show as one number and unit, that it
 * replaces it. Never the ISO code.
 */
export function durationReading(stored: string, fallback: string | undefined): string {
  if (stored.trim() === '') {
    const described = fallback ? describeDuration(fallback) : null;
    return described ? `Standaard: ${described}.` : 'Nog geen termijn ingesteld.';
  }
  const described = describeDuration(stored);
  if (!described) return 'De opgeslagen termijn is ongeldig. Kies een aantal en een eenheid.';
  return splitDuration(stored)
    ? `Ingesteld: ${described}.`
    : `Ingesteld: ${described}. Kies een aantal en een eenheid om deze termijn te vervangen.`;
}
