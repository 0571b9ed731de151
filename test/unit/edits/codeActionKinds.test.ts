import { strict as assert } from 'node:assert';
import { CodeActionKind } from 'vscode-languageserver';
import type { InitializeParams } from 'vscode-languageserver';
import { codeActionsFeature } from '../../../server/src/features/codeActions';
import { APPEND_PROGRESS_KIND, FIX_ALL_KIND, TOGGLE_ITEM_KIND, wants } from '../../../server/src/codeActions';

describe('code action kinds', () => {
  it('advertises every kind it returns, fix all as source.fixAll.execplan', () => {
    const capabilities = codeActionsFeature.capabilities({} as InitializeParams);
    const provider = capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepEqual([...provider.codeActionKinds].sort(), [CodeActionKind.QuickFix, FIX_ALL_KIND, APPEND_PROGRESS_KIND, TOGGLE_ITEM_KIND].sort());
    assert.equal(FIX_ALL_KIND, 'source.fixAll.execplan');
  });

  it('returns fix all on save (`source.fixAll`) and for "Source Action..." (`source`), never unasked', () => {
    assert.equal(wants(['source.fixAll'], FIX_ALL_KIND), true);
    assert.equal(wants(['source'], FIX_ALL_KIND), true);
    assert.equal(wants(['source.fixAll.execplan'], FIX_ALL_KIND), true);
    assert.equal(wants(['source.fixAll.eslint'], FIX_ALL_KIND), false);
    assert.equal(wants(undefined, FIX_ALL_KIND), false);
    assert.equal(wants(['source.fixAll'], CodeActionKind.QuickFix), false);
  });

  it('returns quick fixes and the item rewrite in the light bulb', () => {
    assert.equal(wants(undefined, CodeActionKind.QuickFix), true);
    assert.equal(wants(undefined, TOGGLE_ITEM_KIND), true);
    assert.equal(wants(['refactor'], TOGGLE_ITEM_KIND), true);
    assert.equal(wants(['quickfix'], TOGGLE_ITEM_KIND), false);
  });
});
