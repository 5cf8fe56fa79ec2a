// A build worker's calls into the browser (an OPFS file handle, a digest) answer in milliseconds,
// even at load 18; a build went silent for good locally (2 of 76 runs; the one whose stage was kept had
// stopped after '4 files written', its next worker built the layer in 0.5 s). Each such call is given WAIT_LIMIT_MS: past it the
// worker says where it waited (BuildStalled) and the page starts the build again in a new worker,
// without waiting out its 30 s of silence (src/app/user/layer-build.ts).

/** How long one call into the browser may take in a build. */
export const WAIT_LIMIT_MS = 10_000;

/** A call into the browser that did not answer in time; its message names what was waited on. */
export class WaitStalled extends Error {}

/** `waiting`'s outcome, or WaitStalled naming what `at` says is waited on then, once `ms` have passed without one. */
export function bounded<T>(waiting: Promise<T>, at: () => string, ms = WAIT_LIMIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const limit = setTimeout(() => reject(new WaitStalled(at())), ms);
    waiting.then(
      (value) => {
        clearTimeout(limit);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(limit);
        reject(error);
      },
    );
  });
}
