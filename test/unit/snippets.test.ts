import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePlan } from '../../server/src/core/model/index';
import { lint } from '../../server/src/core/engine';
import { profileById } from '../../server/src/core/profiles/index';
import { expandSnippet, timeVariables } from '../../client/src/snippetText';

interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
  readonly scope?: string;
  readonly isFileTemplate?: boolean;
}

const SNIPPETS_PATH = path.resolve(__dirname, '../../snippets/execplan.code-snippets');
/** The moment the snippets are expanded at, seen from a machine nine hours east of UTC. */
const EXPANDED_AT = new Date('2026-03-02T12:00:00Z');
const OFFSET_MINUTES = 9 * 60;
const LINTED_AT = new Date('2026-03-02T12:01:00Z');
const VARIABLES = timeVariables(EXPANDED_AT, OFFSET_MINUTES);

/** Each full template and the profile it is written for. */
const TEMPLATES: ReadonlyArray<readonly [prefix: string, profile: string]> = [
  ['execplan-ssot', 'ssot'],
  ['execplan-minimal', 'ssot'],
  ['execplan-openai', 'openai'],
  ['execplan-agdd', 'agdd'],
  ['execplan-magsag', 'magsag'],
  ['execplan-plans-guide', 'plans-guide'],
];

const ENTRY_PREFIXES = ['ep-progress', 'ep-decision', 'ep-surprise', 'ep-message', 'ep-handoff', 'ep-criterion', 'ep-snapshot', 'ep-revision'];

function loadSnippets(): Map<string, Snippet> {
  const parsed = JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
  return new Map(Object.values(parsed).map((snippet) => [snippet.prefix, snippet]));
}

function expand(snippet: Snippet): string {
  return expandSnippet(snippet.body, { variables: VARIABLES });
}

/** Lint findings at warning level or above, one line each, for assertion messages. */
function problems(text: string, profile: string): string[] {
  assert.ok(profileById(profile), `profile "${profile}" is not registered, so its template cannot be checked`);
  const result = lint(parsePlan(text), { config: { profile }, now: LINTED_AT });
  assert.equal(result.profile.profile.id, profile);
  return result.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${finding.ruleId} line ${finding.range.start.line + 1}: ${finding.message}`);
}

/** The text with `insert` placed at the end of section `heading` (or replacing its body). */
function intoSection(text: string, heading: string, insert: string, mode: 'append' | 'replace'): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `the template has ${heading}`);
  let end = start + 1;
  while (end < lines.length && !/^#{1,2} /.test(lines[end]!)) end++;
  while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
  const body = insert.replace(/\n+$/, '').split('\n');
  if (mode === 'replace') lines.splice(start + 1, end - start - 1, ...body);
  else lines.splice(end, 0, ...body);
  return lines.join('\n');
}

describe('snippets', () => {
  const snippets = loadSnippets();

  it('are valid JSON with a prefix, a Markdown scope, a body and a description each', () => {
    assert.ok(snippets.size >= TEMPLATES.length + 1 + ENTRY_PREFIXES.length);
    for (const [prefix, snippet] of snippets) {
      assert.match(prefix, /^(?:execplan|ep)-[a-z-]+$/);
      assert.equal(snippet.scope, 'markdown');
      assert.ok(Array.isArray(snippet.body) && snippet.body.length > 0, `${prefix} has a body`);
      assert.ok(snippet.description.length > 10, `${prefix} has a description`);
    }
    for (const prefix of [...TEMPLATES.map(([name]) => name), 'execplan-multi-agent', ...ENTRY_PREFIXES]) assert.ok(snippets.has(prefix), `there is a snippet ${prefix}`);
  });

  it('fill timestamps from snippet variables as RFC 3339 with the local offset', () => {
    const text = expand(snippets.get('execplan-ssot')!);
    assert.match(text, /^created: 2026-03-02T21:00:00\+09:00$/m);
    assert.match(text, /^- \[ \] 2026-03-02T21:00:00\+09:00 - /m);
  });

  for (const [prefix, profile] of TEMPLATES) {
    it(`template ${prefix} lints clean in profile ${profile}`, () => {
      assert.deepEqual(problems(expand(snippets.get(prefix)!), profile), []);
    });
  }

  it('the Multi-Agent add-on lints clean inside an ssot Standard plan', () => {
    const standard = expand(snippets.get('execplan-ssot')!);
    const addOn = expand(snippets.get('execplan-multi-agent')!).trimEnd();
    const lines = standard.split('\n');
    lines.splice(lines.indexOf('## Handoff Summary'), 0, ...addOn.split('\n'), '');
    assert.deepEqual(problems(lines.join('\n'), 'ssot'), []);
  });

  it('each entry snippet, put where it belongs in an ssot Standard plan, adds no problem', () => {
    const standard = expand(snippets.get('execplan-ssot')!);
    const entry = (prefix: string): string => expand(snippets.get(prefix)!);
    const placements: ReadonlyArray<readonly [string, string]> = [
      ['ep-progress', intoSection(standard, '## Progress', entry('ep-progress'), 'append')],
      ['ep-decision', intoSection(standard, '## Decision Log', entry('ep-decision'), 'replace')],
      ['ep-surprise', intoSection(standard, '## Surprises & Discoveries', entry('ep-surprise'), 'replace')],
      ['ep-message', intoSection(standard, '## Handoff Summary', `${entry('ep-handoff')}`, 'replace').replace('## Handoff Summary', `## Inter-Agent Messages\n${entry('ep-message').trimEnd()}\n\n## Handoff Summary`)],
      ['ep-criterion', intoSection(standard, '## Validation & Acceptance', entry('ep-criterion'), 'append')],
      ['ep-snapshot', intoSection(standard, '## Context and Orientation', `\n${entry('ep-snapshot')}`, 'append')],
      ['ep-revision', `${standard.trimEnd()}\n\n## Plan Revision History\n${entry('ep-revision')}`],
    ];
    for (const [prefix, text] of placements) assert.deepEqual(problems(text, 'ssot'), [], `${prefix}:\n${text}`);
  });
});
