// A numbered row label printed with characters missing ("2.其他法律行政止公开" for
// 2.其他法律行政法规禁止公开) is still its row when its item number is the row's place in the
// form and what is printed is the form's label with at most a third of its characters left out,
// in order. Only plain numbered labels qualify, and only when no row matched as printed.
import type { RowSpec } from './tables';

const NUMBERED = /^(?:(\d{1,2})[.、．]|\((\d{1,2})\))(.{2,})$/;
const PLAIN = /^[\u4e00-\u9fff]+$/;

/** `short` is `long` with characters left out, in order. */
function isSubsequence(short: string, long: string): boolean {
  let k = 0;
  for (const c of long) if (k < short.length && c === short[k]) k++;
  return k === short.length;
}

/** The numbered row a label misprinted with characters missing stands for; null when not exactly one. */
export function tolerantRowOf(label: string, rows: readonly RowSpec[]): RowSpec | null {
  const m = NUMBERED.exec(label);
  if (!m) return null;
  const item = Number(m[1] ?? m[2]);
  const printed = m[3];
  const candidates = rows.filter(
    (spec) =>
      spec.item === item &&
      PLAIN.test(spec.inline) &&
      printed.length < spec.inline.length &&
      printed.length * 3 >= spec.inline.length * 2 &&
      // the first and last characters printed as in the form
      printed[0] === spec.inline[0] &&
      printed[printed.length - 1] === spec.inline[spec.inline.length - 1] &&
      isSubsequence(printed, spec.inline),
  );
  return candidates.length === 1 ? candidates[0] : null;
}
