import type { Output } from './output';

export interface Progress {
  tick(): void;
  done(): void;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

/** A one-line bar, drawn only on a terminal so piped and CI logs stay clean. */
export function createProgress(total: number, stream: Output): Progress {
  if (!stream.isTTY || total === 0) return { tick() {}, done() {} };
  let count = 0;
  let lastDraw = 0;
  const draw = () => {
    const filled = Math.round((BAR_WIDTH * count) / total);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count}/${total}`);
  };
  return {
    tick() {
      count += 1;
      const now = Date.now();
      if (now - lastDraw >= REDRAW_MS || count === total) {
        lastDraw = now;
        draw();
      }
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
