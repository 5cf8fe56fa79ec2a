// The --years option of `gongkai generate` (kept apart so the CLI can check it without loading the generator).

export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2030;

/** Parses `2008-2024`, `2019`, `2017,2019-2021` into sorted distinct years; null when malformed or outside 2008–2030. */
export function parseYears(text: string): number[] | null {
  const years = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(part);
    if (!m) return null;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    if (first > last || first < FIRST_YEAR || last > LAST_YEAR) return null;
    for (let y = first; y <= last; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}
