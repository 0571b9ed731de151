/**
 * Schedules checks of open documents. Small plans are checked on the next turn of the event loop,
 * so diagnostics follow typing without a fixed wait; a plan whose last check was slow waits a
 * little longer (twice its last check time, capped), unless `execplan.validation.delay` fixes it.
 */

const MAX_ADAPTIVE_DELAY_MS = 400;
/** Below this, a check is fast enough to run without waiting for typing to pause. */
const IMMEDIATE_BELOW_MS = 8;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastDuration = new Map<string, number>();

  constructor(private readonly run: (uri: string) => Promise<void> | void) {}

  /** The delay before the next check of `uri`. */
  delayFor(uri: string, fixedDelay: number | null): number {
    if (fixedDelay !== null) return fixedDelay;
    const last = this.lastDuration.get(uri) ?? 0;
    return last < IMMEDIATE_BELOW_MS ? 0 : Math.min(MAX_ADAPTIVE_DELAY_MS, Math.round(last * 2));
  }

  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    const fire = (): void => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    this.timers.set(uri, delay <= 0 ? setImmediate(fire) : setTimeout(fire, delay));
  }

  recordDuration(uri: string, milliseconds: number): void {
    this.lastDuration.set(uri, milliseconds);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer === undefined) return;
    clearTimeout(timer as NodeJS.Timeout);
    clearImmediate(timer as NodeJS.Immediate);
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastDuration.delete(uri);
  }
}
