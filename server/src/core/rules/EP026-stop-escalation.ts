/**
 * EP026 stop-escalation: three failed attempts in a row at the same step, without new evidence,
 * mean stop and revise the plan (the spec's stop rule) instead of trying a fourth time.
 */
import type { ListItem, Section } from '../model/types';
import type { Rule } from './types';
import { entryValue, sectionLine, topLevelItems } from '../profiles/planQueries';
import { isTypedOver } from '../model/sectionText';

const FAILED = /\b(?:fail(?:s|ed|ing|ure)?|errors?(?:ed)?|broke(?:n)?|crash(?:es|ed)?|did(?: not|n't) work|still (?:red|broken|failing)|no luck|timed? ?out)\b/i;
/**
 * {@link FAILED} with each space widened to any white space (an optional one to any amount), so it
 * also matches where an item's lines, joined by a space, meet at a line ending. Most Progress
 * sections fail it, and one test of the section then stands for one test per item.
 */
const FAILED_IN_SECTION = new RegExp(FAILED.source.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+'), FAILED.flags);
const FILLER = new Set('the a an and or to of in on for with again retry retried tried try attempt attempted still same step run ran failed fails failing failure error errors broken crash crashed owner author agent'.split(' '));
const ATTEMPTS = 3;
/** How much of an item is read: its first lines, up to a length. */
const ITEM_LINES = 6;
const MAX_ITEM_TEXT = 2000;

export const stopEscalation: Rule = {
  id: 'EP026',
  name: 'stop-escalation',
  title: 'Three failed attempts at the same step without new evidence',
  defaultSeverity: 'warning',
  tags: ['progress', 'safety'],
  fixable: false,
  sections: ['progress'],
  checkSection(context, report) {
    const section = context.section;
    // A section typed into is not joined for this: its items are read one by one.
    if (!isTypedOver(section) && !FAILED_IN_SECTION.test(section.text)) return;
    let run: Array<{ item: ListItem; words: Set<string>; evidence: string }> = [];
    for (const item of topLevelItems(section)) {
      const text = itemText(section, item);
      if (!FAILED.test(text)) {
        if (run.length > 0) run = [];
        continue;
      }
      const attempt = { item, words: words(text), evidence: (entryValue(section, item, 'Evidence') ?? '').trim() };
      if (run.length > 0 && similarity(run[run.length - 1]!.words, attempt.words) < 0.5) run = [];
      run.push(attempt);
      if (run.length < ATTEMPTS) continue;
      const evidence = new Set(run.map((entry) => entry.evidence).filter(Boolean));
      if (evidence.size <= 1) {
        const first = run[0]!.item.line;
        report({
          range: item.textRange,
          message: `This is the ${ATTEMPTS}rd failed attempt in a row at the same step (from line ${first + 1}) without new evidence. Stop, record what you know under Surprises & Discoveries, and revise the plan before trying again.`,
          data: { firstLine: first },
        });
      }
      run = [];
    }
  },
};

/** An item's first lines joined by spaces, as much of it as is read. */
function itemText(section: Section, item: ListItem): string {
  const last = Math.min(item.endLine, item.line + ITEM_LINES - 1);
  // Most entries are one line; their text is that line, with nothing to join.
  if (last === item.line) return sectionLine(section, item.line).slice(0, MAX_ITEM_TEXT);
  const parts: string[] = [];
  for (let line = item.line; line <= last; line++) parts.push(sectionLine(section, line));
  return parts.join(' ').slice(0, MAX_ITEM_TEXT);
}

function words(text: string): Set<string> {
  const cleaned = text.replace(/\d{4}-\d{2}-\d{2}[T ]?[\d:]*(?:Z|UTC)?/g, ' ').toLowerCase();
  return new Set(cleaned.split(/[^a-z0-9_./-]+/).filter((word) => word.length >= 3 && !FILLER.has(word)));
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(a.size, b.size);
}
