/** EP061 personal-data: email addresses and phone numbers of people, outside the plan's allowlist. */
import type { Range, Section } from '../model/types';
import type { Report, Rule } from './types';
import { PERSONAL_DATA_PREFILTER, findEmails, findPhones } from '../safety/personalData';
import type { PersonalDataKind } from '../safety/personalData';
import { buildEmailAllowlist, isAllowedEmail, maskPersonalData } from '../safety/personalDataAllowlist';
import { memoizeBySection } from '../safety/sectionMemo';
import { forEachWindow, lineRange, sectionLine } from '../safety/sectionLines';
import { anyMatches, linesMatching } from '../safety/lineFilter';
import { headLinesText, lineText } from '../model/lookup';
import { rereadLine } from '../model/lineage';

const REDACTED = '<REDACTED>';
const KIND_LABEL: Record<PersonalDataKind, string> = { email: 'Email address', phone: 'Phone number' };

const message = (kind: PersonalDataKind, masked: string): string =>
  `${KIND_LABEL[kind]} (${masked}) in the plan. Plans are shared with agents and kept in history: name a role or an owner id instead, ` +
  'or add it to this rule\'s `allow` option if it belongs here.';

interface Candidate {
  readonly kind: PersonalDataKind;
  readonly range: Range;
  readonly value: string;
}

function scanLine(text: string, line: number, found: (candidate: Candidate) => void): void {
  forEachWindow(text, (slice, offset, from, to) => {
    const hits = slice.indexOf('@') >= 0 ? findEmails(slice) : [];
    for (const hit of hits.concat(findPhones(slice))) {
      if (hit.start < from || hit.start >= to) continue;
      found({ kind: hit.kind, range: lineRange(line, offset + hit.start, offset + hit.end), value: hit.value });
    }
  });
}

/** Every address and number in a section, before any allowlist (which depends on the whole plan). */
const candidatesIn = memoizeBySection(
  (section: Section): readonly Candidate[] => {
    const found: Candidate[] = [];
    const add = (candidate: Candidate): void => void found.push(candidate);
    for (const line of linesMatching(section, PERSONAL_DATA_PREFILTER)) scanLine(sectionLine(section, line), line, add);
    return found;
  },
  // Every candidate lies on one line, so after typing inside a line only that line is read again.
  (previous, section, { line }) =>
    rereadLine(previous, line, (found) => {
      const text = sectionLine(section, line);
      if (anyMatches(text, PERSONAL_DATA_PREFILTER)) scanLine(text, line, found);
    }),
);

function report(candidate: Candidate, range: Range): Report {
  const masked = maskPersonalData(candidate.kind, candidate.value);
  return {
    range,
    message: message(candidate.kind, masked),
    fixes: [{ title: `Replace the ${KIND_LABEL[candidate.kind].toLowerCase()} with ${REDACTED}`, edits: [{ range, newText: REDACTED }], safe: false }],
    data: { kind: candidate.kind, masked },
  };
}

export const personalData: Rule = {
  id: 'EP061',
  name: 'personal-data',
  title: 'An email address or phone number of a person is in the plan',
  defaultSeverity: 'info',
  tags: ['safety', 'privacy'],
  fixable: true,
  check(context, reportFinding) {
    const frontmatter = context.plan.frontmatter;
    const allowlist = buildEmailAllowlist(frontmatter?.data?.['owner'], context.options['allow']);
    const checkPhones = context.options['phones'] !== false;
    const allowedDigits = new Set(allowedPhoneDigits(context.options['allow']));
    const allowed = (candidate: Candidate): boolean =>
      candidate.kind === 'email' ? isAllowedEmail(candidate.value, allowlist) : !checkPhones || allowedDigits.has(candidate.value.replace(/\D/g, ''));

    // One search of the whole block usually shows that no frontmatter line needs reading.
    if (frontmatter?.closed && anyMatches(headLinesText(context.plan, frontmatter.startLine + 1, frontmatter.endLine), PERSONAL_DATA_PREFILTER)) {
      const found: Candidate[] = [];
      for (let line = frontmatter.startLine + 1; line < frontmatter.endLine; line++) {
        const text = lineText(context.plan, line);
        if (anyMatches(text, PERSONAL_DATA_PREFILTER)) scanLine(text, line, (candidate) => void found.push(candidate));
      }
      for (const candidate of found) if (!allowed(candidate)) reportFinding(report(candidate, candidate.range));
    }
    for (const entry of context.sections) {
      for (const candidate of candidatesIn(entry.placed.section)) {
        if (!allowed(candidate)) reportFinding(report(candidate, context.toDocument(entry.placed, candidate.range)));
      }
    }
  },
};

function allowedPhoneDigits(allow: unknown): string[] {
  const entries = Array.isArray(allow) ? allow : typeof allow === 'string' ? [allow] : [];
  return entries.filter((entry): entry is string => typeof entry === 'string' && !entry.includes('@')).map((entry) => entry.replace(/\D/g, '')).filter((digits) => digits.length >= 8);
}
