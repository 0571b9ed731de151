/** EP060 secret: a credential (token, key, password, private key) written into the plan. */
import type { Fix, Report, Rule } from './types';
import type { SecretMatch } from '../safety/secretScanner';
import { mayHoldSecrets, scanLineForSecrets, scanSectionForSecrets } from '../safety/secretScanner';
import { headLinesText, lineText } from '../model/lookup';

export const REDACTED = '<REDACTED>';

const message = (match: SecretMatch): string =>
  `Possible ${match.kind} (${match.masked}) in the plan. Plans are committed and read by agents: replace it with ${REDACTED}, ` +
  'keep the real value in a secret store, and rotate it if this text was ever shared.';

const fixTitle = (match: SecretMatch): string => `Replace the ${match.kind} with ${REDACTED}`;

/** What the rule reports for one match; the data names the secret's kind and masked form, never its value. */
export function secretReport(match: SecretMatch): Report {
  const fix: Fix = { title: fixTitle(match), edits: [{ range: match.range, newText: REDACTED }], safe: true };
  return { range: match.range, message: message(match), fixes: [fix], data: { detector: match.detector, kind: match.kind, masked: match.masked } };
}

export const secret: Rule = {
  id: 'EP060',
  name: 'secret',
  title: 'A credential is written in the plan',
  defaultSeverity: 'error',
  tags: ['safety', 'secrets'],
  fixable: true,
  checkSection(context, report) {
    for (const match of scanSectionForSecrets(context.section)) report(secretReport(match));
  },
  check(context, report) {
    // The frontmatter is not part of any section; it is short, so scanning it on each run is cheap.
    const frontmatter = context.plan.frontmatter;
    if (!frontmatter || !frontmatter.closed) return;
    // One search of the whole block usually shows that no line needs reading.
    if (!mayHoldSecrets(headLinesText(context.plan, frontmatter.startLine + 1, frontmatter.endLine))) return;
    for (let line = frontmatter.startLine + 1; line < frontmatter.endLine; line++) {
      for (const match of scanLineForSecrets(lineText(context.plan, line), line)) report(secretReport(match));
    }
  },
};
