// Characters Windows, macOS or Linux refuse in file names, plus control characters.
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_LENGTH = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A chart title as a file name: keeps Chinese, drops what a file system refuses. */
export function safeFileName(title: string, extension?: string): string {
  const base =
    Array.from(
      title
        .normalize('NFC')
        .replace(FORBIDDEN, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^\.+|\.+$/g, ''),
    )
      .slice(0, MAX_LENGTH)
      .join('')
      .trim() || 'chart';
  const name = WINDOWS_RESERVED.test(base) ? `_${base}` : base;
  return extension ? `${name}.${extension.replace(/^\./, '')}` : name;
}
