/**
 * Reads the extension's snippet file to learn the prefix of the full ssot Standard template, as a
 * person reads it from the README or the suggestion list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './vsix';

export const SNIPPET_FILE = path.join(repoRoot, 'snippets', 'execplan.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** The snippet's name and its first prefix. */
export interface TemplateSnippet {
  name: string;
  prefix: string;
}

/** Snippet files may hold comments; JSON does not. */
function withoutComments(text: string): string {
  return text.replace(/^\s*\/\/.*$/gm, '');
}

/** The full ssot Standard plan template: its name or description says ssot and Standard. */
export function ssotStandardTemplate(): TemplateSnippet {
  if (!fs.existsSync(SNIPPET_FILE)) throw new Error(`${path.relative(repoRoot, SNIPPET_FILE)} does not exist`);
  const snippets = JSON.parse(withoutComments(fs.readFileSync(SNIPPET_FILE, 'utf8'))) as Record<string, Snippet>;
  for (const [name, snippet] of Object.entries(snippets)) {
    const words = `${name} ${snippet.description ?? ''}`;
    if (!/ssot/i.test(words) || !/standard/i.test(words)) continue;
    const prefix = Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix;
    if (prefix) return { name, prefix };
  }
  throw new Error(`no snippet in ${path.relative(repoRoot, SNIPPET_FILE)} is named or described as the ssot Standard template`);
}
