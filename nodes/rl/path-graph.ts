import { NodeInputError } from '../../src/lib/graph/node-type';
import type { Environment } from '../../src/lib/graph/values';
import { checkEnvironment, checkEnvironmentSize } from './environment';

/**
 * One directed edge: [from, to, reward], or [from, to, reward, variance] for an edge whose
 * reward noise has a variance of its own.
 */
export type Edge = [string, string, number] | [string, string, number, number];

/**
 * A path-finding graph's JSON definition: directed `edges` between named states; the actions
 * of a state are its edges out, in the order given. Reaching a goal ends the episode. An edge
 * without a variance of its own gets `rewardVariance`.
 */
export interface GraphDefinition {
  kind: 'graph';
  name: string;
  edges: Edge[];
  start: string;
  goals: string[];
  rewardVariance: number;
  slip: number;
  maxSteps: number;
}

/**
 * Reads edges written one per line as `from to reward` or `from to reward variance` (spaces or
 * commas between; `#` starts a comment). Throws a NodeInputError naming `field` and the line at
 * fault.
 */
export function parseEdges(text: string, field: string): Edge[] {
  const edges: Edge[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;

    const parts = line.split(/[\s,]+/);
    const reward = Number(parts[2]);
    const fail = (what: string) => {
      throw new NodeInputError(`Param "${field}", line ${i + 1} reads "${line}"; ${what}`, field);
    };
    if (parts.length < 3 || parts.length > 4 || parts[2] === '' || !Number.isFinite(reward)) {
      fail('expected "from to reward [variance]", such as "s0 s1 -1" or "s0 s1 -1 4".');
    }
    if (parts.length === 3) {
      edges.push([parts[0], parts[1], reward]);
      return;
    }
    const variance = Number(parts[3]);
    if (parts[3] === '' || !Number.isFinite(variance) || variance < 0) {
      fail(`the variance must be a finite number ≥ 0; found "${parts[3]}".`);
    }
    edges.push([parts[0], parts[1], reward, variance]);
  });
  if (edges.length === 0) {
    throw new NodeInputError(
      `Param "${field}" holds no edges; give one "from to reward" per line.`,
      field
    );
  }
  return edges;
}

/**
 * Builds a path-finding graph environment, laid out by breadth-first distance from the start
 * (column) and order of appearance (row). Throws a NodeInputError naming `field` when a name
 * is unknown, the start is a goal or no goal can be reached.
 */
export function buildGraph(def: GraphDefinition, field: string): Environment {
  const names: string[] = [];
  const index = new Map<string, number>();
  const add = (name: string) => {
    if (!index.has(name)) {
      index.set(name, names.length);
      names.push(name);
    }
    return index.get(name) as number;
  };
  for (const [from, to] of def.edges) {
    add(from);
    add(to);
  }
  for (const name of [def.start, ...def.goals]) {
    if (!index.has(name)) {
      throw new NodeInputError(`${def.name}: state "${name}" is on no edge.`, field);
    }
  }

  const n = names.length;
  const actionsIn = new Int32Array(n);
  for (const [from] of def.edges) actionsIn[index.get(from) as number]++;
  // A loop, not Math.max(...actionsIn): spreading 100 000 numbers overflows the call stack.
  const m = actionsIn.reduce((most, count) => Math.max(most, count), 1);
  checkEnvironmentSize(def.name, n, n * m, field);
  const next = new Int32Array(n * m);
  const reward = new Float64Array(n * m);
  const variances = new Float64Array(n * m).fill(def.rewardVariance);
  const filled = new Int32Array(n);
  for (const [from, to, r, variance] of def.edges) {
    const s = index.get(from) as number;
    const k = s * m + filled[s]++;
    next[k] = index.get(to) as number;
    reward[k] = r;
    if (variance !== undefined) variances[k] = variance;
  }
  const ownVariance = def.edges.some((e) => e.length === 4);
  const terminal = new Uint8Array(n);
  for (const g of def.goals) terminal[index.get(g) as number] = 1;

  const env: Environment = {
    name: def.name,
    stateCount: n,
    actionCount: m,
    stateNames: names,
    actionsIn,
    next,
    reward,
    rewardVariance: def.rewardVariance,
    ...(ownVariance ? { rewardVariances: variances } : {}),
    slip: def.slip,
    start: index.get(def.start) as number,
    terminal,
    maxSteps: def.maxSteps,
    layout: { kind: 'graph', x: new Float64Array(n), y: new Float64Array(n) },
    definition: { ...def, edges: def.edges.map((e) => [...e]), goals: [...def.goals] }
  };
  layOut(env);
  checkEnvironment(env, field);
  return env;
}

function layOut(env: Environment): void {
  if (env.layout.kind !== 'graph') return;
  const depth = new Int32Array(env.stateCount).fill(-1);
  const queue = new Int32Array(env.stateCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = env.start;
  depth[env.start] = 0;
  while (head < tail) {
    const s = queue[head++];
    for (let a = 0; a < env.actionsIn[s]; a++) {
      const t = env.next[s * env.actionCount + a];
      if (depth[t] < 0) {
        depth[t] = depth[s] + 1;
        queue[tail++] = t;
      }
    }
  }

  const deepest = depth.reduce((most, d) => Math.max(most, d), 0);
  const perColumn = new Map<number, number>();
  for (let s = 0; s < env.stateCount; s++) {
    const column = depth[s] < 0 ? deepest + 1 : depth[s];
    const row = perColumn.get(column) ?? 0;
    perColumn.set(column, row + 1);
    env.layout.x[s] = column;
    env.layout.y[s] = row;
  }
}
