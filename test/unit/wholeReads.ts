/** Spies on a section's whole text, to check that typing into it does not join it. */
import { strict as assert } from 'node:assert';
import type { Section } from '../../server/src/core/model/index';

/** Counts reads of `section.text` from now on. */
export function countWholeReads(section: Section): () => number {
  const descriptor = Object.getOwnPropertyDescriptor(section, 'text')!;
  assert.ok(descriptor.get, 'a section typed into joins its text when it is read');
  let count = 0;
  Object.defineProperty(section, 'text', {
    configurable: true,
    enumerable: true,
    get() {
      count++;
      return descriptor.get!.call(section);
    },
  });
  return () => count;
}
