/** Shared set-up for the editor feature tests: parse and lint a plan the way the server does. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import type { PlanDocument, Position } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';
import type { LintResult } from '../../../server/src/core/engine';

export const NOW = new Date('2026-03-02T12:00:00Z');

export interface Linted {
  readonly plan: PlanDocument;
  readonly result: LintResult;
  readonly lines: readonly string[];
}

export function lintText(text: string, profile?: string): Linted {
  const plan = parsePlan(text);
  return { plan, result: lint(plan, { now: NOW, ...(profile ? { config: { profile } } : {}) }), lines: text.split('\n') };
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, '../../fixtures/plans', name), 'utf8');
}

/** The position of the first occurrence of `needle` on the line that contains it, plus `offset`. */
export function positionOf(lines: readonly string[], needle: string, offset = 0): Position {
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return { line, character: lines[line]!.indexOf(needle) + offset };
}
