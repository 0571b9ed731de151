import { strict as assert } from 'node:assert';
import { ValidationScheduler } from '../../server/src/validation';

const URI = 'file:///plans/x-PLAN.md';

describe('validation scheduling', () => {
  it('checks a fast plan at once, even in a burst of edits', () => {
    const scheduler = new ValidationScheduler(() => undefined);
    scheduler.recordDuration(URI, 2);
    scheduler.schedule(URI, 0);
    assert.equal(scheduler.delayFor(URI, null), 0);
    scheduler.forget(URI);
  });

  it('checks a slow plan at once when an edit finds it idle', () => {
    const scheduler = new ValidationScheduler(() => undefined);
    scheduler.recordDuration(URI, 60);
    assert.equal(scheduler.delayFor(URI, null), 0);
  });

  it('makes edits to a slow plan wait while a check of it is pending or running', async () => {
    let finish: () => void = () => undefined;
    const scheduler = new ValidationScheduler(() => new Promise<void>((resolve) => (finish = resolve)));
    scheduler.recordDuration(URI, 60);
    scheduler.schedule(URI, 0);
    assert.equal(scheduler.delayFor(URI, null), 120, 'pending');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(scheduler.delayFor(URI, null), 120, 'running');
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(scheduler.delayFor(URI, null), 0, 'idle again');
  });

  it('caps the wait, and a fixed delay setting wins', () => {
    const scheduler = new ValidationScheduler(() => undefined);
    scheduler.recordDuration(URI, 5000);
    scheduler.schedule(URI, 1000);
    assert.equal(scheduler.delayFor(URI, null), 400);
    assert.equal(scheduler.delayFor(URI, 25), 25);
    scheduler.forget(URI);
  });
});
