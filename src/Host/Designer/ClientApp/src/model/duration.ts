// ISO 8601 durations (P6W, P10D, PT2H) as the engine reads them (IsoDuration), told in Dutch.

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
    const [one, many] = UNITS[i]!;
    parts.push(`${raw.replace('.', ',')} ${n === 1 ? one : many}`);
  }
  if (parts.length === 0) return '0 dagen';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}
