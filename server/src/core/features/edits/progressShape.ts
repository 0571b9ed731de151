/**
 * How a profile writes one Progress item, read from the profile's own example so a new dialect
 * needs no code here: `- [ ] <time> - ` (ssot), `- [ ] (<time>) ` (the Cookbook), `- [<time>] `
 * (agdd, magsag).
 */
import type { Profile } from '../../profiles/types';
import { findTimestamps } from '../../model/timestamps';

export interface ItemShape {
  /** True when items carry a checkbox. */
  readonly checkbox: boolean;
  /** Text between the checkbox (or the list marker, without one) and the time: `(`, `[` or nothing. */
  readonly beforeTime: string;
  /** Text between the time and the item's words: ` - `, `) `, `] `. */
  readonly afterTime: string;
}

const DEFAULT_SHAPE: ItemShape = { checkbox: true, beforeTime: '', afterTime: ' - ' };
const CHECKBOX_ITEM = /^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+([^ \t].*|)$/s;
const BULLET = /^\s*[-*+]\s+/;

export function itemShape(profile: Profile): ItemShape {
  const example = profile.progress.example;
  const time = findTimestamps(example)[0];
  if (!time) return DEFAULT_SHAPE;
  const head = example.slice(0, time.start);
  const afterTime = /^[^\w<]*/.exec(example.slice(time.end))![0];
  const boxed = CHECKBOX_ITEM.exec(head);
  if (boxed) return { checkbox: true, beforeTime: boxed[1]!, afterTime };
  const bullet = BULLET.exec(head);
  if (!bullet) return DEFAULT_SHAPE;
  return { checkbox: false, beforeTime: head.slice(bullet[0].length), afterTime };
}

/** A new open item that holds `time`, written after `marker` (`-`, `*` or `+`). */
export function newItemText(shape: ItemShape, time: string, marker = '-'): string {
  return `${marker} ${shape.checkbox ? '[ ] ' : ''}${shape.beforeTime}${time}${shape.afterTime}`;
}

/** The time as the shape writes it before an item's words: `(<time>) ` or `<time> - `. */
export function leadingTime(shape: ItemShape, time: string): string {
  return `${shape.beforeTime}${time}${shape.afterTime}`;
}

/** Length of a leading time written in `shape` at the start of `text`, or 0 when there is none. */
export function leadingTimeLength(shape: ItemShape, text: string): number {
  if (!text.startsWith(shape.beforeTime)) return 0;
  const time = findTimestamps(text)[0];
  if (!time || time.start !== shape.beforeTime.length) return 0;
  const closing = shape.afterTime.trim();
  const rest = text.slice(time.end);
  // A time written without the usual separator still counts as the item's leading time.
  const separator = new RegExp(`^\\s*${escapeRegExp(closing)}\\s*`).exec(rest) ?? /^\s*/.exec(rest)!;
  return time.end + separator[0].length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
