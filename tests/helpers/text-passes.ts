// Counts the passes a piece of code makes over long strings: each regular expression run that
// starts a scan of a string of at least `minLength` characters (a non-sticky exec/test from
// lastIndex 0, and so every search, match, replace, split and matchAll), and each search of one
// by a string method (indexOf, includes, split, replace … from its start). A sticky run at a position, or a
// global scan's next step, is no new pass. Instruments RegExp.prototype and String.prototype for
// the duration of `work` only.
const STRING_SCANS = ['indexOf', 'lastIndexOf', 'includes', 'split', 'replace', 'replaceAll', 'search', 'match', 'matchAll'] as const;

export interface Passes {
  total: number;
  /** By pattern source (regular expressions) or by method name (string searches). */
  by: Map<string, number>;
}

export function countPasses<T>(minLength: number, work: () => T): { result: T; passes: Passes } {
  const passes: Passes = { total: 0, by: new Map() };
  const count = (what: string) => {
    passes.total++;
    passes.by.set(what, (passes.by.get(what) ?? 0) + 1);
  };
  const exec = RegExp.prototype.exec;
  const originals = STRING_SCANS.map((name) => [name, String.prototype[name]] as const);
  let inside = false; // a string method calling exec is one pass, counted once
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    if (!inside && typeof s === 'string' && s.length >= minLength && !this.sticky && (!this.global || this.lastIndex === 0)) count(this.source.slice(0, 60));
    return exec.call(this, s);
  };
  for (const [name, original] of originals) {
    (String.prototype as unknown as Record<string, unknown>)[name] = function (this: string, ...args: unknown[]) {
      // indexOf('\n', at) and the like look from a position: a step, not a pass
      const fromPosition = (name === 'indexOf' || name === 'lastIndexOf' || name === 'includes') && typeof args[1] === 'number' && args[1] > 0;
      const outer = !inside && this.length >= minLength && !fromPosition;
      if (outer) count(args[0] instanceof RegExp ? args[0].source.slice(0, 60) : `String.${name}`);
      const was = inside;
      inside = true;
      try {
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } finally {
        inside = was;
      }
    };
  }
  try {
    return { result: work(), passes };
  } finally {
    RegExp.prototype.exec = exec;
    for (const [name, original] of originals) (String.prototype as unknown as Record<string, unknown>)[name] = original;
  }
}
