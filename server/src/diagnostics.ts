/** Turns engine findings into LSP diagnostics. */
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from './core/rules/types';
import { ruleDocsUrl } from './core/rules/index';

export const DIAGNOSTIC_SOURCE = 'execplan';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries for its code actions: the fixes, computed for `version`. A finding's own
 * data stays on the server: nothing on the client reads it, and a big plan publishes hundreds of these.
 */
export interface DiagnosticData {
  readonly version: number;
  readonly ruleName: string;
  readonly fixes?: Finding['fixes'];
}

export function toDiagnostic(finding: Finding, version: number): Diagnostic {
  const data: DiagnosticData = finding.fixes ? { version, ruleName: finding.ruleName, fixes: finding.fixes } : { version, ruleName: finding.ruleName };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.data?.['unnecessary'] === true) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}
