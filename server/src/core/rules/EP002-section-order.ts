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
    placed.forEach((item, position) => {
      if (keep.has(position)) return;
      let after: string | undefined;
      let before: string | undefined;
      placed.forEach((other, otherPosition) => {
        if (!keep.has(otherPosition)) return;
        if (other.index < item.index) after = other.entry.title;
        else if (other.index > item.index && before === undefined) before = other.entry.title;
      });
      const where = [after ? `after \`## ${after}\`` : '', before ? `before \`## ${before}\`` : ''].filter(Boolean).join(' and ');
      report({
        range: headingRange(context, item.entry),
        message: `\`## ${item.entry.title}\` is out of order: the ${context.profile.id} profile puts it ${where}. Move the section there so readers and tools find it where they expect.`,
      });
    });
  },
};

/** Positions of one longest strictly increasing subsequence (O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailPositions: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, position) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailPositions[lo] = position;
    previous[position] = lo > 0 ? tailPositions[lo - 1]! : -1;
  });
  const keep = new Set<number>();
  for (let position = tailPositions[tails.length - 1] ?? -1; position >= 0; position = previous[position]!) keep.add(position);
  return keep;
}
