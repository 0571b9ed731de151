/**
 * EP002 section-order: the recognised sections appear in the order the profile writes them. The
 * longest run already in order stays put; every other section is reported once, with where it goes.
 */
import type { ResolvedSection, Rule } from './types';
import { headingRange } from '../profiles/planQueries';

export const sectionOrder: Rule = {
  id: 'EP002',
  name: 'section-order',
  title: 'A section is out of the profile\'s order',
  defaultSeverity: 'warning',
  tags: ['structure'],
  profiles: ['ssot', 'openai', 'magsag', 'plans-guide'],
  fixable: false,
  check(context, report) {
    if (!context.profile.enforceOrder) return;
    const order = context.profile.sections;
    const seen = new Set<string>();
    const placed: Array<{ entry: ResolvedSection; index: number }> = [];
    for (const entry of context.sections) {
      if (!entry.spec || seen.has(entry.spec.key)) continue;
      seen.add(entry.spec.key);
      placed.push({ entry, index: order.indexOf(entry.spec) });
    }
    const keep = longestIncreasing(placed.map((item) => item.index));
    for (let position = 0; position < placed.length; position++) {
      if (keep[position]) continue;
      const item = placed[position]!;
      // The kept sections are in profile order, so the last one before it and the first one after it bracket its place.
      let after: string | undefined;
      let before: string | undefined;
      for (let other = 0; other < placed.length; other++) {
        if (!keep[other]) continue;
        const index = placed[other]!.index;
        if (index < item.index) after = placed[other]!.entry.title;
        else if (index > item.index && before === undefined) before = placed[other]!.entry.title;
      }
      const where = after && before ? `after \`## ${after}\` and before \`## ${before}\`` : after ? `after \`## ${after}\`` : before ? `before \`## ${before}\`` : '';
      report({
        range: headingRange(context, item.entry),
        message: `\`## ${item.entry.title}\` is out of order: the ${context.profile.id} profile puts it ${where}. Move the section there so readers and tools find it where they expect.`,
      });
    }
  },
};

/** Which positions form one longest strictly increasing subsequence (O(n log n)). */
function longestIncreasing(values: readonly number[]): boolean[] {
  const tails: number[] = [];
  const tailPositions: number[] = [];
  const previous: number[] = [];
  for (let position = 0; position < values.length; position++) {
    const value = values[position]!;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailPositions[lo] = position;
    previous.push(lo > 0 ? tailPositions[lo - 1]! : -1);
  }
  const keep = values.map(() => false);
  for (let position = tailPositions[tails.length - 1] ?? -1; position >= 0; position = previous[position]!) keep[position] = true;
  return keep;
}
