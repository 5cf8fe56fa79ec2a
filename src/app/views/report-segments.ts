export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Indexes of the values whose source span covers this piece; empty for plain text. */
  values: number[];
}

/**
 * Cuts the report text at every span boundary so each piece is either plain or covered by one
 * or more values' spans. Spans outside the text or empty are ignored. Pure; the result is
 * rendered as text nodes (never as HTML), so a report cannot inject markup.
 */
export function segmentText(text: string, spans: readonly (Span | null)[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = spans.map((s) => (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end ? s : null));
  for (const s of valid) if (s) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const values = valid.flatMap((s, index) => (s && s.start <= a && s.end >= b ? [index] : []));
    const last = segments[segments.length - 1];
    if (last && values.length === 0 && last.values.length === 0) last.text += text.slice(a, b);
    else segments.push({ text: text.slice(a, b), values });
  }
  return segments;
}
