/** `--format json`: one object with every file checked, its findings and the run's summary. */
import type { RunReport } from '../report';
import { countSeverity } from '../report';

export function formatJson(report: RunReport, toolVersion: string): string {
  const files = report.files.map((file) => ({
    path: file.display,
    kind: file.kind,
    reason: file.reason,
    errorCount: countSeverity(file.findings, 'error'),
    warningCount: countSeverity(file.findings, 'warning'),
    ...(file.fixesApplied ? { fixesApplied: file.fixesApplied } : {}),
    ...(file.writeError ? { writeError: file.writeError } : {}),
    messages: file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleName: finding.ruleName,
      severity: finding.severity,
      message: finding.message,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      fixable: (finding.fixes ?? []).some((fix) => fix.safe),
    })),
  }));
  return JSON.stringify({ tool: 'execplan-lint', version: toolVersion, files, summary: report.summary }, null, 2) + '\n';
}
