// Which reader a file needs, from its first bytes (the name only where bytes cannot tell).

export type InputFormat = 'pdf' | 'zip' | 'ole' | 'rtf' | 'wps' | 'mhtml' | 'text';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Bytes as Latin-1 characters, in chunks (spreading thousands of arguments costs more than the sniffing). */
function ascii(bytes: Uint8Array, n: number): string {
  const end = Math.min(n, bytes.length);
  let out = '';
  for (let at = 0; at < end; at += 1024) out += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + 1024)) as unknown as number[]);
  return out;
}

const isLowerLetter = (c: number) => c >= 0x61 && c <= 0x7a;

/**
 * Where the ASCII `word` first lies wholly within bytes [from, to), or -1; with `anyCase`, its
 * lower-case letters also match upper-case bytes (what a regex's `i` flag does on Latin-1 text).
 * Found from the native search for its first character that is not a letter (every word here
 * has one): most files are none of the formats, and neither their text nor a loop over each
 * byte is needed (a cold parse worker runs such a loop in its interpreter).
 */
function indexOfAscii(bytes: Uint8Array, word: string, from: number, to: number, anyCase = false): number {
  let anchor = 0;
  while (isLowerLetter(word.charCodeAt(anchor) | 0x20)) anchor++;
  const last = Math.min(to, bytes.length) - word.length;
  for (let q = bytes.indexOf(word.charCodeAt(anchor), Math.max(0, from) + anchor); q >= 0 && q - anchor <= last; q = bytes.indexOf(word.charCodeAt(anchor), q + 1)) {
    const at = q - anchor;
    let i = 0;
    for (; i < word.length; i++) {
      const c = word.charCodeAt(i);
      const b = bytes[at + i];
      if (b !== c && !(anyCase && isLowerLetter(c) && (b | 0x20) === c)) break;
    }
    if (i === word.length) return at;
  }
  return -1;
}

export function sniffFormat(bytes: Uint8Array, fileName = ''): InputFormat {
  const name = fileName.toLowerCase();
  // "%PDF-" may follow a little junk (a BOM, a mail header) within the first KB; a text that
  // merely mentions it is not a PDF unless it also ends like one
  const at = indexOfAscii(bytes, '%PDF-', 0, 1024);
  if (at >= 0 && (at <= 4 || indexOfAscii(bytes, '%%EOF', bytes.length - 2048, bytes.length) >= 0)) return 'pdf';
  // a ZIP is read as .docx whatever its name (WPS saves some .wps files that way)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  // WPS Writer's own format is an OLE container like .doc, known only by its name
  if (name.endsWith('.wps')) return 'wps';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  if (name.endsWith('.mht') || name.endsWith('.mhtml')) return 'mhtml';
  if (indexOfAscii(bytes, 'mime-version:', 0, 4096, true) >= 0) {
    const head = ascii(bytes, 4096);
    if (/^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head)) return 'mhtml';
  }
  return 'text';
}
