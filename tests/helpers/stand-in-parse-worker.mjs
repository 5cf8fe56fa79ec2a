// A parse worker for the pool's tests: hangs, exhausts its heap or crashes when the file name says so.
// `hang-once:<path>` hangs the first time (leaving a file at <path>) and parses after: a file that
// ran over only because the machine was busy.
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, bytes, fileName }) => {
  if (fileName === 'hang') for (;;);
  if (fileName.startsWith('hang-once:')) {
    const marker = fileName.slice('hang-once:'.length);
    if (!existsSync(marker)) {
      writeFileSync(marker, '');
      for (;;);
    }
  }
  if (fileName === 'oom') {
    const hoard = [];
    for (;;) hoard.push(new Array(1e6).fill(hoard.length));
  }
  if (fileName === 'crash') throw new Error('stand-in parser crashed');
  parentPort.postMessage({
    id,
    parsed: { status: 'ok', facts: {}, values: [], checks: [], warnings: [`${fileName}: ${bytes.byteLength} bytes`], text: '' },
  });
});
