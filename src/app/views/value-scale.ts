// How Compare and Benchmark show values: as stated, or as an index (a base year = 100), on a linear
// or a log axis. A log axis cannot show 0 or a negative value:
// such points are left undrawn and counted, so the note can say so (the table keeps them).

export interface Point {
  year: number;
  value: number | null;
}

/**
 * A series as an index: value ÷ base × 100, the base being its first year (in year order) whose
 * value is above 0. Years before the base, and every year of a series with no such value, have no
 * index (null): an index of 0 or of a negative base means nothing.
 */
export function indexSeries<P extends Point>(points: readonly P[]): { points: P[]; baseYear: number | null } {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const base = sorted.find((p) => p.value !== null && p.value > 0);
  if (!base) return { points: points.map((p) => ({ ...p, value: null })), baseYear: null };
  const baseValue = base.value as number;
  return {
    points: points.map((p) => ({ ...p, value: p.value === null || p.year < base.year ? null : (p.value / baseValue) * 100 })),
    baseYear: base.year,
  };
}

/** Values a log axis can draw: 0 and negatives become null; `hidden` counts them. */
export function forLogAxis<P extends { value: number | null }>(points: readonly P[]): { points: P[]; hidden: number } {
  let hidden = 0;
  const out = points.map((p) => {
    if (p.value !== null && p.value <= 0) {
      hidden += 1;
      return { ...p, value: null, undrawn: p.value };
    }
    return p;
  });
  return { points: out, hidden };
}

/**
 * Lines as indexes on ONE base year, so that they can be compared: the earliest year in which every
 * line that has a value above 0 has one. Each such line is value ÷ its base-year value × 100 in
 * every year it states (before the base year too). A line with no value above 0 has no index. When
 * the lines share no such year, each is indexed on its own first year above 0 (`common` is null),
 * and the note must say so: lines on different bases show growth shapes, not levels.
 */
export function indexLines<P extends Point>(lines: readonly (readonly P[])[]): { lines: { points: P[]; baseYear: number | null }[]; common: number | null } {
  const positive = lines.map((points) => new Set(points.filter((p) => p.value !== null && p.value > 0).map((p) => p.year)));
  const withValue = positive.filter((years) => years.size > 0);
  const shared = withValue.length === 0 ? [] : [...withValue[0]].filter((year) => withValue.every((years) => years.has(year)));
  if (shared.length === 0) return { lines: lines.map((points) => indexSeries(points)), common: null };
  const common = Math.min(...shared);
  return {
    common,
    lines: lines.map((points, i) => {
      if (positive[i].size === 0) return { points: points.map((p) => ({ ...p, value: null })), baseYear: null };
      const base = points.find((p) => p.year === common)!.value as number;
      return { points: points.map((p) => ({ ...p, value: p.value === null ? null : (p.value / base) * 100 })), baseYear: common };
    }),
  };
}
