/**
 * EP030 timestamp-format: times are written in one of the profile's formats. When the time names its
 * zone the fix rewrites it (`2025-10-01 13:00Z` -> `2025-10-01T13:00:00Z` in ssot); a time without a
 * zone is ambiguous and is left for a person to settle.
 */
import type { Timestamp, TimestampFormat } from '../model/types';
import type { Reporter, Rule, SectionContext } from './types';
import { itemsOnLine, rereadLine } from '../model/lineage';
import { formatTimestamp } from '../features/timeFormat';

const ZONED_FORMATS: readonly TimestampFormat[] = ['rfc3339', 'iso-minutes', 'date-time-offset'];
/** Formats that cannot say which zone a time is in; a fix never writes one of these. */
const ZONELESS_FORMATS: readonly TimestampFormat[] = ['date-time', 'iso-local', 'date', 'placeholder'];

export const timestampFormat: Rule = {
  id: 'EP030',
  name: 'timestamp-format',
  title: 'A time is not written in the profile\'s format',
  defaultSeverity: 'warning',
  tags: ['timestamps'],
  fixable: true,
  checkSection(context, report) {
    for (const stamp of context.section.timestamps) checkStamp(stamp, context, report);
  },
  carrySection(context, { line }, previous) {
    return rereadLine(previous, line, (found) => {
      for (const stamp of itemsOnLine(context.section.timestamps, line)) checkStamp(stamp, context, found);
    });
  },
};

function checkStamp(stamp: Timestamp, context: SectionContext, report: Reporter): void {
  const accepted = context.profile.timestampFormats;
  if (stamp.inCode || stamp.invalidReason || stamp.epochMs === undefined) return;
  if (stamp.format === 'date' || stamp.format === 'placeholder' || accepted.includes(stamp.format)) return;
  const example = context.profile.timestampExample;
  if (!stamp.hasZone) {
    report({
      range: stamp.range,
      message: `\`${stamp.raw}\` names no time zone, so it is ambiguous; the ${context.profile.id} profile writes times like \`${example}\`. Add the zone (\`Z\` for UTC or an offset).`,
    });
    return;
  }
  const target = accepted.find((format) => !ZONELESS_FORMATS.includes(format)) ?? 'rfc3339';
  const rewritten = rewrite(stamp, target);
  report({
    range: stamp.range,
    message: `\`${stamp.raw}\` is not in the ${context.profile.id} format; write it as \`${rewritten}\`.`,
    fixes: [{ title: `Rewrite \`${stamp.raw}\` as \`${rewritten}\``, edits: [{ range: stamp.range, newText: rewritten }], safe: true }],
  });
}

/** The same instant in `target`, keeping a numeric offset when the target can write one. */
function rewrite(stamp: Timestamp, target: TimestampFormat): string {
  const date = new Date(stamp.epochMs!);
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(stamp.raw);
  if (offset && ZONED_FORMATS.includes(target)) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return formatTimestamp(date, target, 'local', minutes);
  }
  return formatTimestamp(date, target, 'utc');
}
