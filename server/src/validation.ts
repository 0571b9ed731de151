/**
 * Schedules checks of open documents. Small plans are checked on the next turn of the event loop,
 * so diagnostics follow typing without a fixed wait. A plan whose last check was slow is also
 * checked at once after an edit that finds the server idle; only edits that arrive while a check
 * of it is pending or running (a burst of typing) wait twice its last check time, capped, so the
 * slow checks of versions about to be replaced are skipped. `execplan.validation.delay` fixes the
 * wait instead.
 */

const MAX_ADAPTIVE_DELAY_MS = 400;
/** Below this, a check is fast enough to run without waiting for typing to pause. */
const IMMEDIATE_BELOW_MS = 8;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastDuration = new Map<string, number>();
  /** Documents whose check is running now (it may wait for settings, so it spans turns). */
  private readonly running = new Set<string>();

  constructor(private readonly run: (uri: string) => Promise<void> | void) {}

  /** The delay before the next check of `uri`, for a change that arrives now. */
  delayFor(uri: string, fixedDelay: number | null): number {
    if (fixedDelay !== null) return fixedDelay;
    const last = this.lastDuration.get(uri) ?? 0;
    if (last < IMMEDIATE_BELOW_MS) return 0;
    const busy = this.timers.has(uri) || this.running.has(uri);
    return busy ? Math.min(MAX_ADAPTIVE_DELAY_MS, Math.round(last * 2)) : 0;
  }

  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    const fire = (): void => {
      this.timers.delete(uri);
      this.running.add(uri);
      Promise.resolve(this.run(uri)).finally(() => this.running.delete(uri)).catch(() => undefined);
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
    this.running.delete(uri);
  }
}
