// The copies the generator planted, as pairs of report names (read by bench:similar and
// bench:ingest; its own module so importing it parses no command line).
import type { Truth } from '../src/generate/report';

/** Pairs of generated reports printing the same narrative: same `copied_from`, or one copying the other. */
export function plantedPairs(truths: readonly Pick<Truth, 'id' | 'copied_from'>[]): Set<string> {
  const classes = new Map<string, string[]>();
  for (const t of truths) {
    const source = t.copied_from?.report ?? t.id;
    classes.set(source, [...(classes.get(source) ?? []), t.id]);
  }
  const pairs = new Set<string>();
  for (const members of classes.values()) {
    const sorted = members.sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.add(`${sorted[i]} ${sorted[j]}`);
  }
  return pairs;
}
