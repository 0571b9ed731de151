/**
 * EP052 nested-fence: a fence line inside a fenced block (which ends the block early in many
 * renderers and agents), and a fenced block that is never closed.
 */
import { LineKind } from '../model/types';
import type { Rule } from './types';
import { lineContentRange, sectionLine } from '../profiles/planQueries';

export const nestedFence: Rule = {
  id: 'EP052',
  name: 'nested-fence',
  title: 'A code fence is nested or never closed',
  defaultSeverity: 'warning',
  tags: ['formatting'],
  fixable: false,
  checkSection(context, report) {
    const section = context.section;
    for (const block of section.codeBlocks) {
      if (block.kind !== 'fenced') continue;
      if (block.containsFenceLikeLine) {
        for (let line = block.startLine + 1; line <= block.endLine; line++) {
          if (section.lineKinds[line] !== LineKind.FenceBody) continue;
          const text = sectionLine(section, line).trimStart();
          const run = text.length - text.replace(/^[`~]+/, '').length;
          // A shorter inner fence inside a longer outer one is the right way to nest; only a run as
          // long as the outer fence ends the block early.
          if (!text.startsWith(block.fence[0]!) || run < block.fence.length || text.slice(run).trim() === '') continue;
          report({
            range: lineContentRange(section, line),
            message: `This fence line sits inside a code block opened ${line - block.startLine} lines above with ${block.fence.length} ${block.fence[0] === '`' ? 'backticks' : 'tildes'}; nested fences end blocks early. Indent the inner block by four spaces instead, or open the outer block with ${block.fence.length + 1} ${block.fence[0] === '`' ? 'backticks' : 'tildes'}.`,
          });
          break;
        }
      }
      if (!block.closed) {
        report({
          range: lineContentRange(section, block.startLine),
          message: `This code block (opened with ${block.fence.length} ${block.fence[0] === '`' ? 'backticks' : 'tildes'}) is never closed, so everything after it reads as code; close it with a matching fence line at the same indentation.`,
        });
      }
    }
  },
};
