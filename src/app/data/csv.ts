import type { Cell } from './rows';

const BOM = '\ufeff';

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // Leading = + - @ would run as a formula in Excel; a tab before it keeps the text as text.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `\t${text}` : text;
  return /[",\r\n\t]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV that Excel on Chinese Windows opens correctly: UTF-8 with a BOM (without it Excel reads
 * GBK and garbles Chinese), CRLF line ends, RFC 4180 quoting. Absent values are empty cells, never 0.
 */
export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[], header: readonly string[] = columns): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
