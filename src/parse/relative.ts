/** "2 hours and 15 minutes ago", "2h15m ago", "an hour and a half ago", "90 seconds ago" → milliseconds. */

const UNIT_MS: Record<string, number> = {};
for (const [ms, names] of [
  [1000, ['s', 'sec', 'secs', 'second', 'seconds']],
  [60_000, ['m', 'min', 'mins', 'minute', 'minutes']],
  [3_600_000, ['h', 'hr', 'hrs', 'hour', 'hours']],
  [86_400_000, ['d', 'day', 'days']],
  [604_800_000, ['w', 'wk', 'wks', 'week', 'weeks']],
] as const) {
  for (const name of names) UNIT_MS[name] = ms;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  'half a': 0.5,
  'half an': 0.5,
};

const AMOUNT = `(\\d+(?:\\.\\d+)?|half an?|forty-five|${Object.keys(NUMBER_WORDS)
  .filter((w) => !w.startsWith('half') && w !== 'forty-five')
  .join('|')})`;
const UNIT = `(${Object.keys(UNIT_MS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const PART = new RegExp(`^(?:,\\s*|and\\s+)?${AMOUNT}\\s*${UNIT}(?![a-z])\\s*`);
const AND_A_HALF = /^and a half\s*/;

/** How long ago a "… ago" phrase means, or undefined if the phrase is not of that shape. */
export function parseDurationAgoMs(phrase: string): number | undefined {
  const match = /^(.+?)\s*ago$/.exec(phrase);
  if (match === null) return undefined;
  let rest = (match[1] ?? '').trim();
  let totalMs = 0;
  let lastUnitMs = 0;
  while (rest !== '') {
    const half = AND_A_HALF.exec(rest);
    if (half !== null && lastUnitMs > 0) {
      totalMs += lastUnitMs / 2;
      rest = rest.slice(half[0].length);
      continue;
    }
    const part = PART.exec(rest);
    if (part === null) return undefined;
    const [whole, amount = '', unit = ''] = part;
    const value = NUMBER_WORDS[amount] ?? Number(amount);
    lastUnitMs = UNIT_MS[unit] ?? 0;
    totalMs += value * lastUnitMs;
    rest = rest.slice(whole.length);
  }
  return totalMs > 0 ? Math.round(totalMs) : undefined;
}

/** "2 hours 15 minutes": the duration as people read it. */
export function describeDuration(ms: number): string {
  const units: Array<[number, string]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
  }
  if (rest > 0) parts.push(`${rest} ms`);
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}
