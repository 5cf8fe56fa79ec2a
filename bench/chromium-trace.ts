// A Chromium trace over the DevTools protocol (Tracing, streamed back through IO): what the
// profiling benches (startup-profile, import-profile) share. GONGKAI_PROFILE_TRACE=FILE keeps the
// raw trace.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** One event of Chromium's trace format (the fields the profiling benches read). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  id?: string;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string; src_file?: string; src_func?: string };
}

/** A frame of V8's sampled stacks (a native one has no url). */
export interface Frame {
  functionName: string;
  url: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** A node of V8's sampled call tree, as a ProfileChunk lists it. */
export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: Frame;
}

/** A ProfileChunk's `args.data`: new nodes, the samples (node ids) and the µs between them. */
export interface ProfileChunkData {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/** Starts recording `categories`, to be read back as a stream by `readTrace`. */
export async function startTrace(cdp: CDPSession, categories: string[]): Promise<void> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories } });
}

/** Ends the trace `startTrace` began and reads its stream: every event recorded. */
export async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => done(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const text = parts.join('');
  if (process.env.GONGKAI_PROFILE_TRACE) writeFileSync(process.env.GONGKAI_PROFILE_TRACE, text);
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}
