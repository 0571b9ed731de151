/** The default output: findings grouped by file, aligned columns, then a summary. */
import type { Severity } from '../../core/rules/types';
import type { FileReport, RunReport } from '../report';

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', green: '\u001b[32m', cyan: '\u001b[36m', underline: '\u001b[4m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan, hint: ANSI.dim };
const NOT_CHECKED: Partial<Record<FileReport['kind'], string>> = {
  policy: 'not checked: a policy or template file',
  other: 'not checked: not a plan',
};

export function formatStylish(report: RunReport, color: boolean, quiet: boolean): string {
  const paint = (style: string, text: string): string => (color ? `${style}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  for (const file of report.files) {
    const notice = fileNotice(file);
    if (notice && (!quiet || file.kind === 'unreadable')) out.push(paint(ANSI.dim, `${file.display}: ${notice}`));
    if (file.fixesApplied && file.fixesApplied.length > 0 && !quiet) {
      out.push(`${file.display}: fixed ${file.fixesApplied.length} problem${file.fixesApplied.length === 1 ? '' : 's'}`);
      for (const title of file.fixesApplied) out.push(paint(ANSI.dim, `  ${title}`));
    }
    if (file.findings.length === 0) continue;
    out.push('', paint(ANSI.underline, file.display));
    const rows = file.findings.map((finding) => [`${finding.range.start.line + 1}:${finding.range.start.character + 1}`, finding.severity, finding.message, finding.ruleId] as const);
    const positionWidth = Math.max(...rows.map((row) => row[0].length));
    const severityWidth = Math.max(...rows.map((row) => row[1].length));
    for (const [position, severity, message, ruleId] of rows) {
      out.push(`  ${paint(ANSI.dim, position.padEnd(positionWidth))}  ${paint(SEVERITY_COLOR[severity], severity.padEnd(severityWidth))}  ${message}  ${paint(ANSI.dim, ruleId)}`);
    }
  }
  out.push('', summaryLine(report, paint), paint(ANSI.dim, countsLine(report)));
  return out.join('\n').replace(/^\n/, '') + '\n';
}

function fileNotice(file: FileReport): string | undefined {
  if (file.writeError) return file.writeError;
  if (file.kind === 'too-large' || file.kind === 'unreadable') return file.reason;
  const notChecked = NOT_CHECKED[file.kind];
  return notChecked && file.explicit ? `${notChecked} (${file.reason})` : undefined;
}

function summaryLine(report: RunReport, paint: (style: string, text: string) => string): string {
  const { errors, warnings, notes } = report.summary;
  const total = errors + warnings + notes;
  if (total === 0) return paint(ANSI.green, '✔ No problems found');
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (notes > 0) parts.push(`${notes} note${notes === 1 ? '' : 's'}`);
  const text = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`;
  return paint(ANSI.bold + (errors > 0 ? ANSI.red : ANSI.yellow), text);
}

function countsLine(report: RunReport): string {
  const s = report.summary;
  const parts = [
    `${s.plans} plan${s.plans === 1 ? '' : 's'}`,
    `${s.registries} registr${s.registries === 1 ? 'y' : 'ies'}`,
    `${s.lockFiles} lock file${s.lockFiles === 1 ? '' : 's'}`,
  ];
  const skipped = [];
  if (s.policies > 0) skipped.push(`${s.policies} policy`);
  if (s.others > 0) skipped.push(`${s.others} not a plan`);
  if (s.tooLarge > 0) skipped.push(`${s.tooLarge} too large`);
  if (s.unreadable > 0) skipped.push(`${s.unreadable} unreadable`);
  let line = `Checked ${s.files} file${s.files === 1 ? '' : 's'}: ${parts.join(', ')}`;
  if (skipped.length > 0) line += `; skipped ${skipped.join(', ')}`;
  if (s.filesFixed > 0) line += `; fixed ${s.fixesApplied} problem${s.fixesApplied === 1 ? '' : 's'} in ${s.filesFixed} file${s.filesFixed === 1 ? '' : 's'}`;
  return line + '.';
}
