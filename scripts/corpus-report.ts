/**
 * Runs the engine over every plan in ../shared/corpus (when the folder exists) and prints, per file,
 * the document classification, the profile that applied and how, the count of findings per rule,
 * and the time the check took. It never throws: a file that breaks the engine is reported as such.
 *
 *   npx tsx scripts/corpus-report.ts [--messages] [--rule EP030]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../server/src/core/model/index';
import { classifyDocument } from '../server/src/core/classify';
import { lint } from '../server/src/core/engine';

const repoRoot = path.resolve(__dirname, '..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const NOW = new Date();

function main(argv: readonly string[]): void {
  const showMessages = argv.includes('--messages');
  const ruleFilter = argv.includes('--rule') ? argv[argv.indexOf('--rule') + 1] : undefined;
  if (!fs.existsSync(corpus)) {
    process.stdout.write(`No corpus at ${corpus}; nothing to report.\n`);
    return;
  }
  const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.md')).sort();
  const totals = new Map<string, number>();
  for (const name of files) {
    try {
      const text = fs.readFileSync(path.join(corpus, name), 'utf8');
      const started = performance.now();
      const plan = parsePlan(text);
      const classification = classifyDocument(plan, name.replace(/__/g, '/'));
      const result = lint(plan, { now: NOW, path: name });
      const ms = performance.now() - started;
      const counts = new Map<string, number>();
      for (const finding of result.findings) {
        counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
        if (classification.kind === 'plan') totals.set(finding.ruleId, (totals.get(finding.ruleId) ?? 0) + 1);
      }
      const summary = [...counts].sort().map(([id, count]) => `${id}x${count}`).join(' ');
      process.stdout.write(`${name}\n  ${classification.kind} | ${result.profile.profile.id} (${result.profile.source}) | ${ms.toFixed(1)} ms | ${summary || 'clean'}\n`);
      if (showMessages) {
        for (const finding of result.findings) {
          if (ruleFilter && finding.ruleId !== ruleFilter) continue;
          process.stdout.write(`    ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}\n`);
        }
      }
    } catch (error) {
      process.stdout.write(`${name}\n  FAILED: ${(error as Error).stack ?? String(error)}\n`);
    }
  }
  process.stdout.write(`\nFindings on documents classified as plans: ${[...totals].sort().map(([id, count]) => `${id}x${count}`).join(' ')}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stdout.write(`corpus-report: ${(error as Error).message}\n`);
}
