/**
 * Splits a document body into sections at top-level headings of level 1 and 2, one line at a time.
 * Scanning can start at any section boundary (the scanner's state is clean there), which is what
 * the incremental parser relies on; a callback may stop the scan at a later boundary.
 */
import { LineKind } from './types';
import type { PlacedSection } from './types';
import { BlockScanner, isTopLevel, kindOf, levelOf, packLine } from './blockScanner';
import { LineEndCursor } from './lines';
import { buildSection } from './section';
import { rememberEndState } from './appendProbe';

/**
 * Lines the packed classes have room for before their array grows (doubling): one per
 * {@link CHARACTERS_PER_LINE} characters of text, within bounds. A typed array costs more to make
 * the larger it is, and a small plan needs far fewer than the most.
 */
const MAX_INITIAL_LINES = 1024;
const MIN_INITIAL_LINES = 64;
const CHARACTERS_PER_LINE = 32;

/** Says whether a new section found at `offset`/`line` lets the scan stop and reuse what follows. */
export type ResyncCheck = (offset: number, line: number) => boolean;

export interface ScanOutcome {
  readonly sections: PlacedSection[];
  /** Set when `resync` stopped the scan: where the next (reusable) section starts. */
  readonly stoppedAt?: { readonly offset: number; readonly line: number };
}

/**
 * Scans `text` from `startOffset` (document line `startLine`). The first section is the preamble
 * when `preamble` is true (it may be empty), else it opens with the heading at `startOffset`.
 */
export function scanSections(text: string, startOffset: number, startLine: number, preamble: boolean, resync?: ResyncCheck): ScanOutcome {
  const sections: PlacedSection[] = [];
  const scanner = new BlockScanner();
  let sectionOffset = startOffset;
  let sectionLine = startLine;
  let opensWithHeading = !preamble;
  let offsets: number[] = [];
  // Every line's packed class, for the whole scan: each section takes a view of its own lines
  // rather than a typed array of its own, which is slower to make than the lines are to scan.
  let packed = new Uint8Array(Math.min(MAX_INITIAL_LINES, Math.max(MIN_INITIAL_LINES, Math.ceil((text.length - startOffset) / CHARACTERS_PER_LINE))));
  let pendingFrom = 0;
  let lineCount = 0;

  const close = (count: number): void => {
    const end = count < offsets.length ? offsets[count]! : text.length;
    const starts = new Array<number>(count);
    for (let i = 0; i < count; i++) starts[i] = offsets[i]! - sectionOffset;
    const kinds = packed.subarray(pendingFrom, pendingFrom + count);
    const section = buildSection(text.slice(sectionOffset, end), starts, kinds, opensWithHeading);
    sections.push({ line: sectionLine, offset: sectionOffset, section });
    sectionOffset = end;
    sectionLine += count;
    pendingFrom += count;
    // A section usually closes at the line that opens the next one, so little is carried over.
    offsets = count === offsets.length ? [] : offsets.slice(count);
    opensWithHeading = true;
  };
  const pack = (value: number): void => {
    if (lineCount === packed.length) {
      // Sections already closed keep their views of the old array; only the open lines move.
      const grown = new Uint8Array(packed.length * 2);
      grown.set(packed.subarray(pendingFrom, lineCount), 0);
      lineCount -= pendingFrom;
      pendingFrom = 0;
      packed = grown;
    }
    packed[lineCount++] = value;
  };

  const lineEnds = new LineEndCursor(text);
  let pos = startOffset;
  while (pos < text.length) {
    const contentEnd = lineEnds.contentEnd(pos);
    scanner.scan(text.slice(pos, contentEnd));
    const value = scanner.packed;
    const kind = kindOf(value);
    let boundary = -1;
    if (kind === LineKind.Heading && isTopLevel(value) && levelOf(value) <= 2) {
      boundary = offsets.length;
    } else if (kind === LineKind.SetextUnderline) {
      // The heading's text lines were classified as paragraph text; they are heading lines now.
      const first = scanner.setextStart - (sectionLine - startLine);
      const level = levelOf(value);
      for (let i = pendingFrom + Math.max(0, first); i < lineCount; i++) packed[i] = packLine(LineKind.Heading, level, isTopLevel(value));
      if (isTopLevel(value)) boundary = Math.max(0, first);
    }
    offsets.push(pos);
    pack(value);
    if (boundary > 0 || (boundary === 0 && !opensWithHeading)) {
      const boundaryOffset = offsets[boundary]!;
      const boundaryLine = sectionLine + boundary;
      if (resync && resync(boundaryOffset, boundaryLine)) {
        close(boundary);
        return { sections, stoppedAt: { offset: boundaryOffset, line: boundaryLine } };
      }
      close(boundary);
    }
    pos = contentEnd;
    if (text.charCodeAt(pos) === 13) pos++;
    if (text.charCodeAt(pos) === 10) pos++;
    if (pos === contentEnd) break;
  }
  close(offsets.length);
  // The scanner started clean at the last section's first line, so its state now is that section's own.
  rememberEndState(sections[sections.length - 1]!.section, scanner);
  return { sections };
}
