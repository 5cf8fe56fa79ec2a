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

export function sniffFormat(bytes: Uint8Array, fileName = ''): InputFormat {
  const name = fileName.toLowerCase();
  // "%PDF-" may follow a little junk (a BOM, a mail header) within the first KB; a text that
  // merely mentions it is not a PDF unless it also ends like one
  const head = ascii(bytes, 4096);
  const at = head.slice(0, 1024).indexOf('%PDF-');
  if (at >= 0 && (at <= 4 || ascii(bytes.subarray(Math.max(0, bytes.length - 2048)), 2048).includes('%%EOF'))) return 'pdf';
  // a ZIP is read as .docx whatever its name (WPS saves some .wps files that way)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  // WPS Writer's own format is an OLE container like .doc, known only by its name
  if (name.endsWith('.wps')) return 'wps';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (head.slice(0, 5) === '{\\rtf') return 'rtf';
  if (name.endsWith('.mht') || name.endsWith('.mhtml')) return 'mhtml';
  if (/^MIME-Version:/im.test(head) && /Content-Type:\s*multipart\/related/i.test(head)) return 'mhtml';
  return 'text';
}
