/**
 * `--format sarif`: a SARIF 2.1.0 log as GitHub code scanning reads it. Every rule is described in
 * `tool.driver.rules` with its page; each result points at a file relative to the folder the run
 * started in (`%SRCROOT%`), with 1-based lines and columns (UTF-16 code units, SARIF's default).
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../../core/rules/types';
import { RULES, ruleDocsUrl } from '../../core/rules/index';
import { WORKSPACE_RULES } from '../../core/workspace/index';
import type { RunReport } from '../report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/execplan-tools/execplan';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

interface RuleDescription {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
}

export function formatSarif(report: RunReport, toolVersion: string, cwd: string): string {
  const rules: RuleDescription[] = [...RULES, ...WORKSPACE_RULES];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = [];
  const seen = new Map<string, number>();
  for (const file of report.files) {
    for (const finding of file.findings) {
      const key = fingerprint(finding, file.display);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      results.push(result(finding, file.display, ruleIndex.get(finding.ruleId), `${key}:${occurrence}`));
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'execplan-lint',
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.title },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { tags: [...rule.tags] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(finding: Finding, display: string, index: number | undefined, findingFingerprint: string) {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(display), uriBaseId: SRCROOT },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
    partialFingerprints: { 'execplanFinding/v1': findingFingerprint },
  };
}

function relativeUri(display: string): string {
  return display
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function directoryUri(folder: string): string {
  const withSlashes = folder.replace(/\\/g, '/');
  const prefixed = withSlashes.startsWith('/') ? withSlashes : '/' + withSlashes;
  return 'file://' + prefixed.split('/').map((segment) => encodeURIComponent(segment)).join('/').replace(/%3A/g, ':') + (prefixed.endsWith('/') ? '' : '/');
}

/** Stable across runs and unrelated edits: the rule, the file and the message, not the line (an occurrence count tells repeats apart). */
function fingerprint(finding: Finding, display: string): string {
  return createHash('sha256').update(`${finding.ruleId}\u0000${display}\u0000${finding.message}`).digest('hex').slice(0, 32);
}
