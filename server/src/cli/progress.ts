/** A one-line progress counter on stderr, for long runs on a terminal only. */

/** Runs shorter than this never show progress. */
const SHOW_AFTER_MS = 500;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return { update() {}, finish() {} };
  const started = Date.now();
  let lastDraw = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || now - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = now;
      shown = true;
      stream.write(`\r\u001b[KChecking files: ${done}/${total}`);
    },
    finish() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
