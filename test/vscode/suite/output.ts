/**
 * The suite's output. In VS Code Server the extension host's console reaches the runner mixed with
 * the workbench's own messages, so every line the suite prints carries a marker and the runner
 * (codeServerRunner.ts) prints only those lines, without it.
 */
import { format } from 'node:util';

export const OUTPUT_MARKER = '[execplan-vscode-suite] ';

export function print(...args: unknown[]): void {
  for (const line of format(...args).split('\n')) console.log(OUTPUT_MARKER + line);
}
