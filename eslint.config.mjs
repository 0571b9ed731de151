// Static check that the server's regular expressions cannot backtrack super-linearly. Plans are
// linted on every keystroke, so one pattern that explodes on a long line would freeze the editor.
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  {
    files: ['server/src/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
    },
  },
  {
    // The safety scanners read whole lines of arbitrary text (pasted logs, keys, data URIs), so they
    // also must not slide a quantifier across the line from every start position.
    files: ['server/src/core/safety/**/*.ts', 'server/src/core/rules/EP06*.ts'],
    rules: {
      'regexp/no-super-linear-move': 'error',
    },
  },
];
