/**
 * The extension-host side of `npm run test:vscode`: VS Code loads this module (bundled by
 * runTests.js) inside its extension host and calls run(); mocha runs the scenarios there, with the
 * real `vscode` API and the extension under development.
 */
import type MochaType from 'mocha';
import { print } from './output';

export async function run(): Promise<void> {
  // Depending on the Node version mocha loads as the constructor itself or as a module around it.
  const loaded = require('mocha') as typeof MochaType | { default: typeof MochaType };
  const Mocha = 'default' in loaded ? loaded.default : loaded;
  // The reporters print through Base.consoleLog: send their lines through print() too.
  Mocha.reporters.Base.consoleLog = print;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The scenarios are bundled into this file; define describe/it first, then load them.
  mocha.suite.emit('pre-require', globalThis, 'scenarios', mocha);
  require('./scenarios');
  const stats = await new Promise<MochaType.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as MochaType.Stats)));
  });
  print(`vscode: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension-host scenario(s) failed`);
}
