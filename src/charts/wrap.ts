// Text broken into lines that fit a width: foot notes, source lines and titles of charts on
// screen and in every export. Pure given the measure: a canvas in the browser, an estimate in Node.
import { FONT_FAMILY } from './frame';

/** Width in px of `text` at `fontSize` (bold when `bold`). */
export type Measure = (text: string, fontSize: number, bold?: boolean) => number;

/** Rough widths: CJK and full-width characters 1 em, others 0.6 em (tests, and before fonts load). */
export const estimateWidth: Measure = (text, fontSize, bold = false) => {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return bold ? width * 1.05 : width;
};

let context: CanvasRenderingContext2D | null | undefined;
/** Text widths as the canvas renderer draws them in `fontFamily`; the estimate where there is no canvas. */
export const measureIn =
  (fontFamily: string): Measure =>
  (text, fontSize, bold = false) => {
    if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (!context) return estimateWidth(text, fontSize, bold);
    context.font = `${bold ? 'bold ' : ''}${fontSize}px ${fontFamily}`;
    return context.measureText(text).width;
  };

/** Text widths in the Chinese charts' font. */
export const textMeasure: Measure = measureIn(FONT_FAMILY);

/**
 * `text` in lines no wider than `max`: breaks between CJK characters and at spaces, and inside
 * a word only when the word alone is wider. Nothing is dropped: the lines joined are the text.
 */
export function wrapText(text: string, max: number, fontSize: number, measure: Measure, bold = false): string[] {
  const tokens = text.match(/[\u2e80-\uffff][\u3001\u3002\uff0c\uff1b\uff1a\uff09\u300b\u3011)）,.;:]*|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line !== '') lines.push(line);
    line = '';
  };
  for (const token of tokens) {
    if (measure(line + token.trimEnd(), fontSize, bold) <= max) {
      line += token;
      continue;
    }
    push();
    if (measure(token.trimEnd(), fontSize, bold) <= max) {
      line = token;
      continue;
    }
    for (const ch of token) {
      if (line !== '' && measure(line + ch, fontSize, bold) > max) push();
      line += ch;
    }
  }
  push();
  return lines.length > 0 ? lines : [''];
}
