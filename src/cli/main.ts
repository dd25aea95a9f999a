import { parseArgs } from 'node:util';
import { commandNodes } from './command-nodes';
import { commandRun } from './command-run';
import { commandSweep, commandSweepMerge } from './command-sweep';
import { commandValidate } from './command-validate';
import { EXIT, UsageError } from './exit';

const USAGE = `Usage:
  kumiki run <graph.json> [--set <nodeId>.<param>=<value> ...] [--out <dir>] [--all]
             [--cache <dir> | --no-cache] [--quiet] [--timeout <s>] [--node-timeout <s>]
  kumiki sweep <graph.json> [--cell <index>] [--set ...] [--out <dir>] [--cache <dir> | --no-cache]
               [--quiet] [--timeout <s>] [--node-timeout <s>]
  kumiki sweep-merge <dir>
  kumiki validate <graph.json>
  kumiki nodes [--json]

Exit codes: 0 success, 1 a node failed or ran past --node-timeout, 2 invalid file or usage,
  3 internal error, 124 the run or sweep ran past --timeout, 130 stopped by Ctrl+C,
  137 stopped hard: a node kept the process busy 5 s past a time limit.
Numbers in flags and --set values are plain decimals (12, -0.5, 1e-3). A --timeout or
  --node-timeout over 2147483 s (about 24.8 days) means no limit.`;

/** The `kumiki` command: runs, checks and describes graph files headlessly. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      set: { type: 'string', multiple: true },
      out: { type: 'string' },
      all: { type: 'boolean' },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean' },
      quiet: { type: 'boolean' },
      timeout: { type: 'string' },
      'node-timeout': { type: 'string' },
      json: { type: 'boolean' },
      cell: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (command === 'nodes') return commandNodes(Boolean(values.json));
  if (rest.length !== 1)
    throw new UsageError(`"kumiki ${command}" takes exactly one graph file; found ${rest.length}.`);
  if (command === 'validate') return commandValidate(rest[0]);
  if (command === 'run') return commandRun(rest[0], values);
  if (command === 'sweep') return commandSweep(rest[0], values);
  if (command === 'sweep-merge') return commandSweepMerge(rest[0]);
  throw new UsageError(`Unknown command "${command}".`);
}

// An error nothing caught is a bug of Kumiki or a node: exit 3 (internal), not Node's 1,
// which the exit codes keep for a node that failed and said so in the summary.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    process.stderr.write(`kumiki: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(EXIT.internal);
  });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`kumiki: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`kumiki: unexpected error: ${(error as Error).message}\n`);
    process.exitCode = EXIT.internal;
  }
);
