import { homedir } from 'node:os';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { getNodeType } from '../../nodes/registry';
import type { GraphDocument } from '../lib/graph/document';
import { parseParamText } from '../lib/graph/params';
import { withSubgraphs } from '../lib/graph/subgraph';
import { Executor } from '../lib/engine/executor';
import { EXIT, UsageError } from './exit';
import {
  clearEarlierResults,
  prepareCacheFolder,
  prepareOutFolder,
  writeInvalidSummary
} from './folders';
import { createNodeHost } from './host-node';
import { isDecimal } from './numbers';
import { progressPrinter } from './progress';
import { runLimits } from './run-limits';
import { readGraphFile } from './read-graph';
import { writeResults } from './write-results';

/** The options `kumiki run` takes. */
export interface RunFlags {
  set?: string[];
  out?: string;
  all?: boolean;
  cache?: string;
  'no-cache'?: boolean;
  quiet?: boolean;
  /** Seconds the whole run may take. */
  timeout?: string;
  /** Seconds each node may take. */
  'node-timeout'?: string;
}

/** `kumiki run`: runs a graph file and writes its results and a summary into the out folder. */
export async function commandRun(path: string, flags: RunFlags): Promise<number> {
  const out = await prepareOutFolder(flags.out);
  const { doc, errors, problems } = await readGraphFile(path);
  if (doc) await clearEarlierResults(out, doc);
  if (!doc || errors > 0) {
    await rm(join(out, 'summary.json'), { force: true });
    await writeInvalidSummary(out, path, problems);
    return EXIT.usage;
  }
  applySets(doc, flags.set ?? []);
  const limits = runLimits(flags, join(out, 'summary.json'), path, doc);

  const executor = await createExecutor(path, flags);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const stopTimer = limits.start(controller);

  const print = progressPrinter(doc.nodes.length, Boolean(flags.quiet));
  const summary = await executor.run(doc, {
    signal: controller.signal,
    nodeTimeoutMs: limits.nodeTimeoutMs,
    onEvent: (event) => {
      limits.track(event);
      print(event);
    }
  });
  process.off('SIGINT', onInterrupt);
  stopTimer();
  limits.settle(doc.nodes.some((n) => summary.nodes[n.id]?.status !== 'finished'));

  const timeout = limits.timedOut() ? limits.timeoutSeconds : undefined;
  const writeErrors = await writeResults(out, path, doc, summary, Boolean(flags.all), timeout);
  limits.finish();
  for (const [nodeId, message] of writeErrors) {
    process.stderr.write(`${nodeId}: its results could not be written: ${message}\n`);
  }
  const failed =
    Object.values(summary.nodes).filter((n) => n.status !== 'finished').length + writeErrors.size;
  const outcome = failed === 0 ? 'all nodes finished' : `${failed} node(s) did not finish`;
  process.stderr.write(`Results in ${out} (backend ${summary.backend}); ${outcome}.\n`);
  if (timeout !== undefined) {
    process.stderr.write(`The run was stopped after --timeout ${timeout} s.\n`);
    return EXIT.timeout;
  }
  if (summary.cancelled) return EXIT.interrupted;
  return failed === 0 ? EXIT.ok : EXIT.nodeFailed;
}

/** The executor for a graph file: Node host, files relative to the graph, the cache folder. */
export async function createExecutor(path: string, flags: RunFlags): Promise<Executor> {
  const flag = flags.cache !== undefined ? '--cache' : 'The cache folder';
  const cacheDir = flags['no-cache']
    ? undefined
    : await prepareCacheFolder(resolve(flags.cache ?? defaultCacheDir()), flag);
  const host = await createNodeHost({ baseDir: dirname(resolve(path)), cacheDir });
  return new Executor(host, getNodeType);
}

/** Applies `--set node.param=value` overrides, checking each against the node type's spec. */
export function applySets(doc: GraphDocument, sets: string[]) {
  for (const set of sets) {
    const match = /^([^.=]+)\.([^=]+)=(.*)$/s.exec(set);
    if (!match)
      throw new UsageError(`--set ${JSON.stringify(set)} must look like <nodeId>.<param>=<value>.`);
    const [, nodeId, param, text] = match;
    const node = doc.nodes.find((n) => n.id === nodeId);
    if (!node)
      throw new UsageError(
        `--set ${set}: the graph has no node "${nodeId}"; ` +
          `it has ${doc.nodes.map((n) => `"${n.id}"`).join(', ')}.`
      );
    // A subgraph node's params are the inner params its definition exposes.
    const specs = withSubgraphs(getNodeType, doc.subgraphs)(node.type)?.params ?? {};
    const spec = Object.hasOwn(specs, param) ? specs[param] : undefined;
    if (!spec)
      throw new UsageError(
        `--set ${set}: node "${nodeId}" (${node.type}) has no param "${param}".`
      );
    if ((spec.kind === 'number' || spec.kind === 'integer') && !isDecimal(text))
      throw new UsageError(
        `--set ${set}: param "${param}" takes a plain decimal number ` +
          `(such as 12, -0.5 or 1e-3); found the text "${text}".`
      );
    const parsed = parseParamText(param, spec, text);
    if ('error' in parsed) throw new UsageError(`--set ${set}: ${parsed.error}`);
    node.params[param] = parsed.value;
  }
}

function defaultCacheDir(): string {
  return (
    process.env.KUMIKI_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kumiki')
  );
}
