/**
 * A value kept with an object in a symbol-keyed property, for the engine's per-object caches. Not a
 * weak table: every garbage collection walks a weak table's entries, and a cold lint would add one
 * per report; a property goes away with its object at no cost. Objects that cannot take a property
 * (frozen ones) keep their value in a weak table instead.
 *
 * The property is written by a plain assignment, which the engine handles inline; defining it as
 * non-enumerable went through the runtime and cost more than the lookups it saved. A copy made by
 * spreading an object therefore carries the property along, so each value names the object it
 * belongs to and a copy never reads its original's value.
 */
export interface HiddenSlot<T> {
  get(owner: object): T | undefined;
  set(owner: object, value: T): void;
}

interface Kept<T> {
  readonly owner: object;
  readonly value: T;
}

export function hiddenSlot<T>(name: string): HiddenSlot<T> {
  const key = Symbol(name);
  const frozen = new WeakMap<object, T>();
  type Carrier = { [key]?: Kept<T> };
  return {
    get(owner) {
      const kept = (owner as Carrier)[key];
      if (kept !== undefined && kept.owner === owner) return kept.value;
      return Object.isExtensible(owner) ? undefined : frozen.get(owner);
    },
    set(owner, value) {
      if (Object.isExtensible(owner)) (owner as Carrier)[key] = { owner, value };
      else frozen.set(owner, value);
    },
  };
}
