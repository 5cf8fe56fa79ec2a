// Reads a ZIP's central directory (without inflating anything) so a .docx that would expand
// past the limits (a decompression bomb) is refused before any library unpacks it.

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' uncompressed sizes (bytes). */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry of more than 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The entries of a ZIP's central directory, or a reason it cannot be listed. */
export function listZip(bytes: Uint8Array): { ok: true; entries: ZipEntry[] } | { ok: false; reason: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end-of-central-directory record: within the last 64 KB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'broken ZIP container: no central directory (truncated file?)' };
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      return { ok: false, reason: 'broken ZIP container: damaged central directory' };
    }
    const compressed = view.getUint32(offset + 20, true);
    const uncompressed = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Null when the ZIP may be unpacked; otherwise why not. */
export function zipBombReason(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  if (entries.length > limits.maxEntries) return `ZIP container with ${entries.length} entries (limit ${limits.maxEntries}): not unpacked`;
  let total = 0;
  for (const e of entries) {
    // 0xFFFFFFFF: a ZIP64 size this reader does not follow; a Word file never needs one
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) return 'ZIP64 container: too large to be a report, not unpacked';
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > limits.maxRatio * Math.max(1, e.compressed)) {
      return `decompression bomb: ${e.name} expands ${Math.round(e.uncompressed / Math.max(1, e.compressed))}× (limit ${limits.maxRatio}×); not unpacked`;
    }
  }
  if (total > limits.maxTotalBytes) return `ZIP container expands to ${Math.round(total / 1024 / 1024)} MB (limit ${limits.maxTotalBytes / 1024 / 1024} MB): not unpacked`;
  return null;
}
