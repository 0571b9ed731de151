/**
 * execplan-lint: the engine the editor uses, on files on disk. Exit codes: 0 clean, 1 findings at
 * error level, 2 bad usage or unreadable input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from './core/model/index';
import { checkDocument } from './documentChecker';
import { DEFAULT_PLAN_GLOBS } from './core/classify';

const USAGE = 'Usage: execplan-lint <file.md>...';

function main(argv: readonly string[]): number {
  const files = argv.filter((arg) => !arg.startsWith('-'));
  if (files.length === 0 || argv.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return files.length === 0 && !argv.includes('--help') ? 2 : 0;
  }
  let errors = 0;
  let unreadable = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`execplan-lint: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      unreadable++;
      continue;
    }
    const result = checkDocument({
      textLength: text.length,
      plan: () => parsePlan(text),
      relativePath: path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/'),
      globs: DEFAULT_PLAN_GLOBS,
      fallbackProfile: 'auto',
      maxFileSize: 5 * 1024 * 1024,
    });
    for (const finding of result.findings) {
      if (finding.severity === 'error') errors++;
      const { line, character } = finding.range.start;
      process.stdout.write(`${file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.ruleId} ${finding.message}\n`);
    }
  }
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
