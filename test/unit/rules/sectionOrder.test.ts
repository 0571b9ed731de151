import { strict as assert } from 'node:assert';
import { parsePlan } from '../../../server/src/core/model/index';
import { lint } from '../../../server/src/core/engine';

const now = new Date('2026-03-01T00:00:00Z');

/** EP002's messages for a plan made of the given ssot headings, each with a line of text. */
function orderMessages(headings: readonly string[]): string[] {
  const text = ['# PLAN: Order', '', ...headings.flatMap((heading) => [`## ${heading}`, '', 'Text.', ''])].join('\n');
  return lint(parsePlan(text), { config: { profile: 'ssot' }, now })
    .findings.filter((finding) => finding.ruleId === 'EP002')
    .map((finding) => finding.message.slice(0, finding.message.indexOf('.')));
}

describe('section order (EP002)', () => {
  it('says where a misplaced section goes: between the kept sections around its place', () => {
    assert.deepEqual(orderMessages(['Purpose / Big Picture', 'Decision Log', 'Progress', 'Context and Orientation', 'Outcomes & Retrospective']), [
      '`## Decision Log` is out of order: the ssot profile puts it after `## Context and Orientation` and before `## Outcomes & Retrospective`',
    ]);
  });

  it('names only the section after it when it belongs first, and only the one before it when it belongs last', () => {
    assert.deepEqual(orderMessages(['Progress', 'Context and Orientation', 'Purpose / Big Picture']), [
      '`## Purpose / Big Picture` is out of order: the ssot profile puts it before `## Progress`',
    ]);
    assert.deepEqual(orderMessages(['Outcomes & Retrospective', 'Purpose / Big Picture', 'Progress']), [
      '`## Outcomes & Retrospective` is out of order: the ssot profile puts it after `## Progress`',
    ]);
  });

  it('keeps the longest run already in order and reports every other section once', () => {
    const messages = orderMessages(['Outcomes & Retrospective', 'Decision Log', 'Purpose / Big Picture', 'Progress', 'Context and Orientation', 'Plan of Work']);
    assert.deepEqual(
      messages.map((message) => message.slice(0, message.indexOf('` is'))),
      ['`## Outcomes & Retrospective', '`## Decision Log'],
    );
  });

  it('reports nothing for sections in the profile\'s order', () => {
    assert.deepEqual(orderMessages(['Purpose / Big Picture', 'Progress', 'Context and Orientation', 'Decision Log', 'Outcomes & Retrospective']), []);
  });
});
