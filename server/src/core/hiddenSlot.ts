/**
 * A value kept with an object in a hidden property, for the engine's per-object caches. Not a weak
 * table: every garbage collection walks a weak table's entries, and a cold lint would add one per
 * report; a property goes away with its object at no cost. Objects that cannot take a property
 * (frozen ones) keep their value in a weak table instead.
 */
export interface HiddenSlot<T> {
  get(owner: object): T | undefined;
  set(owner: object, value: T): void;
}

export function hiddenSlot<T>(name: string): HiddenSlot<T> {
  const key = Symbol(name);
  const frozen = new WeakMap<object, T>();
  return {
    get(owner) {
      const own = (owner as { [key]?: T })[key];
      return own !== undefined ? own : Object.isExtensible(owner) ? undefined : frozen.get(owner);
    },
    set(owner, value) {
      if (Object.prototype.hasOwnProperty.call(owner, key)) (owner as { [key]?: T })[key] = value;
      // Not enumerable, so copying or comparing the object's fields never meets it.
      else if (Object.isExtensible(owner)) Object.defineProperty(owner, key, { value, writable: true });
      else frozen.set(owner, value);
    },
  };
}
