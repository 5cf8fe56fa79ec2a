// Arrow vectors built straight from JS values into their buffers. apache-arrow's vectorFromArray
// goes through a generic builder per value, which made writing the `values` table of a province
// (millions of rows) the slowest step of an ingest. Strings stay plain Utf8: DuckDB-WASM silently
// drops dictionary-encoded input (STACK-NOTES).
import { Bool, type DataType, Float64, Int32, Int64, makeData, makeVector, Type, Utf8, vectorFromArray, type Vector } from 'apache-arrow';

/** The validity bitmap (bit set = value present) and the null count; no bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap: nullCount === 0 ? undefined : bitmap, nullCount };
}

const encoder = new TextEncoder();

/** Longer strings go through TextEncoder; shorter ones are encoded here (a view and a native call per string cost more than the string). */
const ENCODE_NATIVELY = 256;

/**
 * Writes `s` as UTF-8 at `at` (room for 3 bytes a UTF-16 unit), as TextEncoder does (a lone
 * surrogate becomes U+FFFD); returns where it ends. Found by a profile of the page's layer build:
 * encodeInto on a subarray per string was 80 % of the builder's time (bench/import-profile.ts).
 */
function writeUtf8(s: string, bytes: Uint8Array, at: number): number {
  if (s.length > ENCODE_NATIVELY) return at + encoder.encodeInto(s, bytes.subarray(at)).written;
  for (let j = 0; j < s.length; j++) {
    let c = s.charCodeAt(j);
    if (c < 0x80) {
      bytes[at++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = j + 1 < s.length ? s.charCodeAt(j + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        j++;
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (c >> 18);
        bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
        bytes[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      c = 0xfffd;
    }
    bytes[at++] = 0xe0 | (c >> 12);
    bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

function utf8Vector(values: readonly unknown[]): Vector {
  let capacity = 0;
  for (const v of values) if (typeof v === 'string') capacity += v.length * 3;
  const bytes = new Uint8Array(capacity);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string') at = writeUtf8(v, bytes, at);
    else if (v !== null && v !== undefined) throw new TypeError(`not a string: ${String(v)}`);
    offsets[i + 1] = at;
  }
  return makeVector(makeData({ type: new Utf8(), length: values.length, ...validity(values), valueOffsets: offsets, data: bytes.slice(0, at) }));
}

function numberVector(type: Float64 | Int32, values: readonly unknown[]): Vector {
  const data = type instanceof Float64 ? new Float64Array(values.length) : new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') data[i] = v;
    else if (v !== null && v !== undefined) throw new TypeError(`not a number: ${String(v)}`);
  }
  const props = { length: values.length, ...validity(values) };
  return type instanceof Float64 ? makeVector(makeData({ type, ...props, data: data as Float64Array })) : makeVector(makeData({ type, ...props, data: data as Int32Array }));
}

/** BigInt values (or safe integers) as Int64. */
function int64Vector(type: Int64, values: readonly unknown[]): Vector {
  const data = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'bigint') data[i] = v;
    else if (typeof v === 'number' && Number.isSafeInteger(v)) data[i] = BigInt(v);
    else if (v !== null && v !== undefined) throw new TypeError(`not an integer: ${String(v)}`);
  }
  return makeVector(makeData({ type, length: values.length, ...validity(values), data }));
}

function boolVector(values: readonly unknown[]): Vector {
  const bits = new Uint8Array((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i] === true) bits[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: values.length, ...validity(values), data: bits }));
}

/** A vector of `type` holding `values` (null or undefined = null). */
export function columnVector(type: DataType, values: readonly unknown[]): Vector {
  switch (type.typeId) {
    case Type.Utf8:
      return utf8Vector(values);
    case Type.Float:
      if (type instanceof Float64) return numberVector(type, values);
      break;
    case Type.Int:
      if (type instanceof Int32) return numberVector(type, values);
      if (type instanceof Int64) return int64Vector(type, values);
      break;
    case Type.Bool:
      return boolVector(values);
  }
  // apache-arrow's builders compile a function at run time, which the page's CSP (no unsafe-eval) refuses.
  return vectorFromArray(values, type);
}
