/**
 * Checks that ranges make sense for a text the way an editor reads it: lines split at `\n`,
 * `\r\n` and a lone `\r`; characters counted in UTF-16 code units; no position inside a
 * surrogate pair. Shared by the property tests and the stress tests.
 */
import type { Range } from '../../server/src/core/model/index';
import type { Finding } from '../../server/src/core/rules/types';

/** The text's lines without their endings, as LSP counts them. */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Problems with one range, or an empty list when it is valid for the text. */
export function rangeProblems(lines: readonly string[], range: Range, what: string): string[] {
  const problems: string[] = [];
  const check = (name: string, position: { line: number; character: number }): void => {
    const { line, character } = position;
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) {
      problems.push(`${what}: ${name} ${JSON.stringify(position)} is not a non-negative integer position`);
      return;
    }
    if (line >= lines.length) {
      problems.push(`${what}: ${name} line ${line} is past the last line (${lines.length - 1})`);
      return;
    }
    const content = lines[line]!;
    if (character > content.length) {
      problems.push(`${what}: ${name} character ${character} is past the end of line ${line} (${content.length})`);
      return;
    }
    const before = content.charCodeAt(character - 1);
    const at = content.charCodeAt(character);
    if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) {
      problems.push(`${what}: ${name} ${line}:${character} splits a surrogate pair`);
    }
  };
  check('start', range.start);
  check('end', range.end);
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    problems.push(`${what}: start ${start.line}:${start.character} is after end ${end.line}:${end.character}`);
  }
  return problems;
}

/** Problems with every finding's range and every fix edit's range. */
export function findingProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = editorLines(text);
  const problems: string[] = [];
  for (const finding of findings) {
    problems.push(...rangeProblems(lines, finding.range, `${finding.ruleId} "${finding.message.slice(0, 80)}"`));
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) problems.push(...rangeProblems(lines, edit.range, `${finding.ruleId} fix "${fix.title.slice(0, 60)}"`));
    }
  }
  return problems;
}

/** A rule that threw shows up as a finding saying so; any such finding is a crash. */
export function ruleCrashes(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => /failed on this document/.test(finding.message)).map((finding) => `${finding.ruleId}: ${finding.message}`);
}
