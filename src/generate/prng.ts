// Seeded randomness. Every report draws from its own stream, seeded from the run's seed and the
// report's identity (division code, department slot, year, purpose), so a report's bytes never
// depend on the order or concurrency in which reports are generated. No Math.random, no clock.

/** FNV-1a over the parts' text: a 32-bit seed for one stream. */
export function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A value in [0, 1) fixed by the parts (no stream): for yes/no decisions made in many places. */
export const unitHash = (...parts: (string | number)[]): number => mix(hashSeed(...parts)) / 4294967296;

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = mix(seed) || 0x9e3779b9;
  }

  static of(...parts: (string | number)[]): Rng {
    return new Rng(hashSeed(...parts));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(0, sigma)): a multiplicative spread around 1. */
  spread(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  /** A Poisson count with mean `lambda` (normal approximation above 50). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** `n` split into parts by weights; the parts sum to n exactly. */
  split(n: number, weights: readonly number[]): number[] {
    const total = weights.reduce((a, w) => a + w, 0);
    const parts = weights.map(() => 0);
    if (n <= 0 || total <= 0) return parts;
    if (n <= 40) {
      // one draw per item: small counts look like small counts (mostly zeros)
      for (let k = 0; k < n; k++) {
        let r = this.next() * total;
        let i = 0;
        while (i < weights.length - 1 && r >= weights[i]) r -= weights[i++];
        parts[i]++;
      }
      return parts;
    }
    let left = n;
    for (let i = 0; i < weights.length - 1; i++) {
      const share = (weights[i] / total) * n * (0.85 + 0.3 * this.next());
      parts[i] = Math.min(left, Math.max(0, Math.round(share)));
      left -= parts[i];
    }
    parts[weights.length - 1] = left;
    return parts;
  }
}
