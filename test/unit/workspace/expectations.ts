/**
 * Fixtures carry their expectations next to the line they speak of: `<!-- expect EP071 -->` in
 * Markdown, `# expect EP082` in YAML. This reads them as "line -> rule codes" for comparison.
 */
import type { Finding } from '../../../server/src/core/rules/types';

const EXPECT = /(?:<!--|#)\s*expect\s+((?:EP\d{3}[\s,]*)+)/;

export function expectedByLine(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = EXPECT.exec(line);
    if (!match) return;
    for (const code of match[1]!.split(/[\s,]+/).filter(Boolean)) expected.push(`${index + 1} ${code}`);
  });
  return expected.sort();
}

export function foundByLine(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.range.start.line + 1} ${finding.ruleId}`).sort();
}
