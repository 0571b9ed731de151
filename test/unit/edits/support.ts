/**
 * Shared by the edit tests: the pinned clock, applying edits, line-ending and BOM variants, and
 * golden files (compared, or written when UPDATE_GOLDENS=1 so a person can review the diff).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../../server/src/core/model/index';
import type { PlanDocument } from '../../../server/src/core/model/index';
import type { TextEdit } from '../../../server/src/core/rules/types';
import { applyTextEdits } from '../../../server/src/core/features/applyEdits';
import { lint } from '../../../server/src/core/engine';
import type { LintOptions } from '../../../server/src/core/config';
import type { EditClock } from '../../../server/src/core/features/edits/clock';
import { resolveTarget } from '../../../server/src/core/features/edits/target';
import type { EditTarget } from '../../../server/src/core/features/edits/target';
import { fakeSecrets, fillFakeSecrets } from '../safety/fakeTokens';

export const NOW = new Date('2026-03-02T12:00:00Z');
export const UTC: EditClock = { now: NOW, zone: 'utc' };
export const FIXTURES = path.resolve(__dirname, '../../fixtures/edits');
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

export function apply(text: string, edits: readonly TextEdit[]): string {
  return applyTextEdits(parsePlan(text), edits);
}

/** The plan's lint options as the CLI and the editor use them for a file at `plans/<name>`. */
export function lintOptions(name: string, profile?: string): LintOptions {
  return { now: NOW, path: `plans/${name}`, fallbackProfile: 'auto', ...(profile ? { config: { profile } } : {}) };
}

export function targetOf(plan: PlanDocument, profile?: string): EditTarget {
  return resolveTarget(plan, profile, 'auto');
}

export function lintText(text: string, name = 'generated-PLAN.md', profile?: string) {
  const plan = parsePlan(text);
  return { plan, result: lint(plan, lintOptions(name, profile)) };
}

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
export const withBom = (text: string): string => '\uFEFF' + text;

/** The same document written three ways; an edit must give the same three ways of its result. */
export const VARIANTS: ReadonlyArray<{ readonly name: string; readonly convert: (text: string) => string }> = [
  { name: 'LF', convert: (text) => text },
  { name: 'CRLF', convert: toCrlf },
  { name: 'BOM + CRLF', convert: (text) => withBom(toCrlf(text)) },
];

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export function fixtureExists(...parts: string[]): boolean {
  return fs.existsSync(path.join(FIXTURES, ...parts));
}

/** Compares `actual` with the golden file, or writes it under UPDATE_GOLDENS=1. */
export function assertGolden(actual: string, ...parts: string[]): void {
  const file = path.join(FIXTURES, ...parts);
  if (UPDATE) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== actual) fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `golden ${path.relative(FIXTURES, file)} is missing; run with UPDATE_GOLDENS=1 and review it`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `differs from golden ${path.relative(FIXTURES, file)}`);
}

/** One case of a feature's golden folder: `cases.json` maps a case name to its input and arguments. */
export interface GoldenCase {
  readonly input: string;
  readonly profile?: string;
  readonly zone?: 'utc' | 'local';
  readonly offsetMinutes?: number;
  /** The line the action runs on, found by its text. */
  readonly lineContaining?: string;
  readonly rule?: string;
  readonly ruleName?: string;
}

export function goldenCases(feature: string): Array<[string, GoldenCase]> {
  return Object.entries(JSON.parse(readFixture(feature, 'cases.json')) as Record<string, GoldenCase>);
}

export function clockFor(entry: GoldenCase): EditClock {
  return { now: NOW, zone: entry.zone ?? 'utc', ...(entry.offsetMinutes !== undefined ? { offsetMinutes: entry.offsetMinutes } : {}) };
}

/** The zero-based line holding `needle`; fails the test when there is none. */
export function lineOf(text: string, needle: string): number {
  const line = text.split(/\r\n|\r|\n/).findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `no line contains ${JSON.stringify(needle)}`);
  return line;
}

export const lines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/**
 * Plans under fixtures/edits/fixes. A `*.md.in` plan holds `@@fake:<kind>@@` markers that become
 * fake credentials when read, so the repository holds no real-looking secret, goldens included.
 */
export const FIX_FIXTURES: readonly string[] = fs
  .readdirSync(path.join(FIXTURES, 'fixes'))
  .filter((name) => name.endsWith('.md') || name.endsWith('.md.in'))
  .sort();

/** The plan's file name as the editor and the CLI see it (`x.md.in` is `x.md`). */
export const planFileName = (name: string): string => name.replace(/\.in$/, '');

/** The golden folder of a fix fixture. */
export const fixtureBase = (name: string): string => planFileName(name).replace(/\.md$/, '');

const FAKE_SEED = 2026;

export function readFixFixture(name: string): string {
  const text = readFixture('fixes', name);
  return name.endsWith('.in') ? fillFakeSecrets(text, FAKE_SEED) : text;
}

/** Turns the fake credentials a `*.md.in` fixture was filled with back into their markers. */
export function maskFakeSecrets(text: string): string {
  let masked = text;
  for (const fake of fakeSecrets(FAKE_SEED)) masked = masked.split(fake.secret).join(`@@fake:${fake.kind}@@`);
  return masked;
}
