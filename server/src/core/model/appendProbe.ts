/**
 * Would text appended after a section start a new top-level section? EP001's fix appends a missing
 * section at the end of a plan, and it is offered only when the heading would really be one (not
 * swallowed by an unclosed fence or HTML block). Reparsing the whole last section for every missing
 * section cost seconds on huge plans; here the block scanner's state at the section's end is kept
 * with the section, and only the appended text is scanned.
 */
import { LineKind } from './types';
import type { Section } from './types';
import { BlockScanner, isTopLevel, kindOf, levelOf } from './blockScanner';
import { forEachLine } from './lines';
import { atxHeadingText } from './section';
import { locateFrontmatter } from './frontmatter';
import { parsePlan } from './parse';

const endStates = new WeakMap<Section, BlockScanner>();

/** Keeps the scanner that just read `section` to the end of the text, sparing a second scan later. */
export function rememberEndState(section: Section, scanner: BlockScanner): void {
  endStates.set(section, scanner.clone());
}

/** The scanner as it stands after the last line of `section` (scanned from a clean start, as parsing does). */
function endStateOf(section: Section): BlockScanner {
  let state = endStates.get(section);
  if (!state) {
    state = new BlockScanner();
    scanLines(state, section.text, () => undefined);
    endStates.set(section, state);
  }
  return state;
}

function scanLines(scanner: BlockScanner, text: string, visit: (line: string) => void): void {
  forEachLine(text, 0, (start, end) => {
    const line = text.slice(start, end);
    scanner.scan(line);
    visit(line);
  });
}

/**
 * True when `addition`, appended right after `section`'s text, holds a top-level level-2 ATX
 * heading reading `title`: the answer a full parse of the joined text gives.
 */
export function appendedHeadingParses(section: Section, addition: string, title: string): boolean {
  const last = section.text.charCodeAt(section.text.length - 1);
  const openLine = section.text.length > 0 && last !== 10 && last !== 13;
  let rest = addition;
  // A line ending that completes the section's last line (or a `\r` it ends with) adds no line of its own.
  if (openLine && startsWithLineEnding(rest)) rest = rest.slice(rest.startsWith('\r\n') ? 2 : 1);
  else if (last === 13 && rest.charCodeAt(0) === 10) rest = rest.slice(1);
  const joined = openLine && rest === addition;
  if (joined || section.heading?.text === title || locateFrontmatter(section.text + addition)) {
    // Rare shapes where the appended text changes how the section's own lines read: parse it all.
    return parsePlan(section.text + addition).sections.some((placed) => placed.section.heading?.level === 2 && placed.section.heading.text === title);
  }
  const scanner = endStateOf(section).clone();
  let found = false;
  scanLines(scanner, rest, (line) => {
    const packed = scanner.packed;
    if (!found && kindOf(packed) === LineKind.Heading && isTopLevel(packed) && levelOf(packed) === 2 && atxHeadingText(line) === title) found = true;
  });
  return found;
}

function startsWithLineEnding(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 10 || first === 13;
}
