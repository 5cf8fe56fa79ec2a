// MinHash by one-permutation hashing (one hash per shingle, the minimum kept per bin, empty bins
// filled from others by a fixed probe sequence, so the cost is linear in the shingles) and
// locality-sensitive hashing: the sketch cut into bands, reports sharing a band become candidates.
import { finalMix } from './shingles';

export const SKETCH_BINS = 96;
export const BAND_ROWS = 3;
export const BANDS = SKETCH_BINS / BAND_ROWS;
const EMPTY = 0xffffffff;

/** The sketch of a non-empty shingle set. */
export function sketchOf(set: Uint32Array): Uint32Array {
  const bins = new Uint32Array(SKETCH_BINS).fill(EMPTY);
  for (let i = 0; i < set.length; i++) {
    const h = set[i];
    const bin = h % SKETCH_BINS;
    const value = finalMix(h ^ 0x9e3779b9);
    if (value < bins[bin]) bins[bin] = value;
  }
  // Densification: an empty bin takes the value of the first filled bin its own probe sequence finds.
  const filled = bins.some((v) => v !== EMPTY);
  if (!filled) return bins;
  const out = bins.slice();
  for (let b = 0; b < SKETCH_BINS; b++) {
    if (bins[b] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const probe = finalMix(Math.imul(b + 1, 0x01000193) ^ attempt) % SKETCH_BINS;
      if (bins[probe] !== EMPTY) {
        out[b] = bins[probe];
        break;
      }
    }
  }
  return out;
}

/** The key of each band of a sketch. */
export function bandKeys(sketch: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < BAND_ROWS; r++) h = finalMix(Math.imul(h, 0x01000193) ^ sketch[band * BAND_ROWS + r]);
    keys[band] = h;
  }
  return keys;
}
