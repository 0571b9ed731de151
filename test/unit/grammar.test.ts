import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import type { IGrammar, StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../..');
const INJECTION_PATH = path.join(ROOT, 'syntaxes/execplan.injection.tmLanguage.json');
const INJECTION_SCOPE = 'text.execplan.injection';
const MARKDOWN_SCOPE = 'text.html.markdown';

/**
 * A stand-in for VS Code's Markdown grammar with the two scopes the injection must stay out of:
 * fenced code blocks and inline code, named as the built-in grammar names them.
 */
const MARKDOWN_STUB = JSON.stringify({
  scopeName: MARKDOWN_SCOPE,
  patterns: [
    { begin: '^```.*$', end: '^```\\s*$', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
  ],
});

let grammar: IGrammar;

/** The scopes of the token that covers `needle` on `line` (of lines tokenized in sequence). */
function scopesOf(lines: string | readonly string[], needle: string, lineIndex?: number): string[] {
  const all = typeof lines === 'string' ? [lines] : lines;
  const target = lineIndex ?? all.findIndex((line) => line.includes(needle));
  let state: StateStack = INITIAL;
  for (let index = 0; index < all.length; index++) {
    const result = grammar.tokenizeLine(all[index]!, state);
    if (index === target) {
      const at = all[index]!.indexOf(needle);
      const token = result.tokens.find((candidate) => candidate.startIndex <= at && candidate.endIndex > at)!;
      const covered = all[index]!.slice(token.startIndex, token.endIndex);
      assert.ok(covered.includes(needle) || needle.includes(covered), `token "${covered}" and "${needle}" line up`);
      return token.scopes;
    }
    state = result.ruleStack;
  }
  throw new Error(`"${needle}" not found`);
}

const has = (scopes: readonly string[], scope: string): boolean => scopes.some((candidate) => candidate === scope);

describe('injection grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (patterns: string[]) => new OnigScanner(patterns), createOnigString: (text: string) => new OnigString(text) }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === MARKDOWN_SCOPE) return parseRawGrammar(MARKDOWN_STUB, 'markdown.json');
        if (scopeName === INJECTION_SCOPE) return parseRawGrammar(fs.readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
        return null;
      },
      getInjections: (scopeName: string) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
    });
    const loaded = await registry.loadGrammar(MARKDOWN_SCOPE);
    assert.ok(loaded, 'the Markdown grammar loads with the injection');
    grammar = loaded;
  });

  it('highlights RFC 3339 timestamps and the space-separated dialect forms', () => {
    assert.ok(has(scopesOf('- [x] 2026-03-02T09:10:00Z - Read the code', '2026-03-02T09:10:00Z'), 'constant.numeric.timestamp.execplan'));
    assert.ok(has(scopesOf('created: 2026-03-02T21:00:00+09:00', '2026-03-02T21:00:00+09:00'), 'constant.numeric.timestamp.execplan'));
    assert.ok(has(scopesOf('- [2025-10-30 11:42 UTC] Ran the migration', '2025-10-30 11:42 UTC'), 'constant.numeric.timestamp.execplan'));
    assert.ok(has(scopesOf('### 2025-11-01 10:30', '2025-11-01 10:30'), 'constant.numeric.timestamp.no-zone.execplan'));
  });

  it('highlights the Status value by what it means', () => {
    const line = 'Status: IN_PROGRESS';
    assert.ok(has(scopesOf(line, 'Status'), 'support.type.property-name.status.execplan'));
    assert.ok(has(scopesOf(line, 'IN_PROGRESS'), 'constant.language.status.active.execplan'));
    assert.ok(has(scopesOf('Status: BLOCKED', 'BLOCKED'), 'constant.language.status.blocked.execplan'));
    assert.ok(has(scopesOf('- **Status**: DONE', 'DONE'), 'constant.language.status.done.execplan'));
    assert.ok(!has(scopesOf('Status: whatever', 'whatever'), 'constant.language.status.active.execplan'));
  });

  it('highlights `Next Action:` and the action after it', () => {
    const line = 'Next Action: Add the CSV writer for the totals row.';
    assert.ok(has(scopesOf(line, 'Next Action'), 'keyword.other.next-action.execplan'));
    assert.ok(has(scopesOf(line, 'CSV writer'), 'markup.bold.next-action.execplan'));
  });

  it('highlights entry keys in both block and inline form, and message intents', () => {
    assert.ok(has(scopesOf('  Rationale: one place to change', 'Rationale'), 'support.type.property-name.entry-key.execplan'));
    assert.ok(has(scopesOf('- 2026-03-02T10:20:00Z - Decision: compute totals', 'Decision'), 'support.type.property-name.entry-key.execplan'));
    assert.ok(has(scopesOf('- 2026-03-02T10:05:00Z - Totals move. (Evidence: `render.ts:88`)', 'Evidence'), 'support.type.property-name.entry-key.execplan'));
    assert.ok(has(scopesOf('  Acceptance/Test: curl returns 200', 'Acceptance/Test'), 'support.type.property-name.entry-key.execplan'));
    assert.ok(has(scopesOf('  Intent: BLOCK', 'BLOCK'), 'constant.language.intent.execplan'));
    assert.ok(!has(scopesOf('We made a Decision about it', 'Decision'), 'support.type.property-name.entry-key.execplan'));
  });

  it('highlights <REDACTED> and MUST / SHOULD / MAY', () => {
    assert.ok(has(scopesOf('- Token: <REDACTED>', '<REDACTED>'), 'constant.other.redacted.execplan'));
    assert.ok(has(scopesOf('Plans MUST NOT embed secrets.', 'MUST NOT'), 'keyword.other.normative.execplan'));
    assert.ok(has(scopesOf('It SHOULD be short and MAY link out.', 'MAY'), 'keyword.other.normative.execplan'));
    assert.ok(!has(scopesOf('The plan must be short.', 'must'), 'keyword.other.normative.execplan'));
  });

  it('stays out of inline code and fenced code blocks', () => {
    assert.ok(!has(scopesOf('Run `Status: DONE` here', 'DONE'), 'constant.language.status.done.execplan'));
    const block = ['```md', 'Status: DONE', '2026-03-02T09:10:00Z', '```'];
    assert.ok(!has(scopesOf(block, 'DONE', 1), 'constant.language.status.done.execplan'));
    assert.ok(!has(scopesOf(block, '2026', 2), 'constant.numeric.timestamp.execplan'));
  });
});
