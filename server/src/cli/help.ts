/** The texts `--help` and usage errors print. */

export const TOOL_NAME = 'execplan-lint';

export const HELP_TEXT = `Usage: ${TOOL_NAME} [options] [path | directory | glob ...]

Checks ExecPlans (living Markdown plans), plan registries (PLANS.md with Active / Completed
Plans) and the .agent-locks.yaml lock file, with the same rules as the editor.

With no paths, checks the files under the current directory that match the configured plan
patterns, plus PLANS.md registries and .agent-locks.yaml. A directory is searched for every
Markdown file, and each is classified: plans are linted, registries get the registry rules,
policy and other files are skipped. .gitignore'd files, node_modules and .git are never read.

Options:
  -f, --format <name>      stylish (default), json or sarif (SARIF 2.1.0 for code scanning)
      --fix                apply safe fixes and write the files that change
      --profile <id>       check every plan with this dialect: ssot, openai, agdd, magsag,
                           plans-guide, or auto (default: frontmatter, then detection)
  -c, --config <file>      use this .execplan.json / .execplan.yaml instead of looking for one
      --rule <rule:level>  set a rule's severity, e.g. --rule EP013:off --rule
                           registry-status:error (off, hint, info, warning, error); repeatable
      --max-warnings <n>   exit with status 1 when there are more than n warnings
  -q, --quiet              report errors only
      --no-color           plain output (also when NO_COLOR is set or output is not a terminal)
      --color              colour even when output is not a terminal
      --concurrency <n>    threads checking large trees, this one included: a number,
                           auto (default: one per core from 200 files) or off
  -v, --version            print the version
  -h, --help               print this help

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, a configuration that cannot be read, or a file that cannot be read.
`;

export const SEE_HELP = `Run ${TOOL_NAME} --help for usage.`;
