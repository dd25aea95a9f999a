import { NodeInputError, type NodeType } from '../../src/lib/graph/node-type';
import type { Environment } from '../../src/lib/graph/values';
import { environmentPicture } from './env-params';
import { buildGrid, type GridDefinition } from './grid';
import { buildGraph, type GraphDefinition } from './path-graph';

/** The format name written into saved environment definitions. */
export const ENVIRONMENT_FORMAT = 'kumiki-environment';

/**
 * An environment's definition as a JSON document, ready to save and to load again with
 * `rl/environment-file`: the definition it was built from, with the format name and version.
 */
export function environmentToJson(env: Environment): string {
  const file = { format: ENVIRONMENT_FORMAT, version: 1, ...env.definition };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Builds an environment from a JSON definition: a graph (`kind: "graph"`, edges, start, goals)
 * or a grid (`kind: "grid"`, rows, optional wind and rewards), as `environmentToJson` writes
 * it. Also accepts an `environment.json` result written by `kumiki run`, which holds the
 * definition under `definition`. Throws a NodeInputError on the `file` param when malformed.
 */
export function environmentFromJson(text: string, fileName: string): Environment {
  const fail = (message: string): never => {
    throw new NodeInputError(`${fileName}: ${message}`, 'file');
  };
  let doc: Record<string, unknown> = {};
  try {
    doc = JSON.parse(text);
  } catch (error) {
    fail(`is not valid JSON (${(error as Error).message}).`);
  }
  if (doc && typeof doc === 'object' && doc.definition && typeof doc.definition === 'object') {
    doc = doc.definition as Record<string, unknown>;
  }
  if (!doc || typeof doc !== 'object') fail('must hold a JSON object.');

  const number = (key: string, fallback: number) => {
    const value = doc[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      fail(`field "${key}" must be a finite number; found ${JSON.stringify(value)}.`);
    }
    return value as number;
  };
  const dynamics = {
    name: typeof doc.name === 'string' ? doc.name : fileName,
    rewardVariance: number('rewardVariance', 0),
    slip: number('slip', 0),
    maxSteps: number('maxSteps', 1000)
  };

  if (doc.kind === 'grid') {
    const rows = doc.rows;
    if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'string')) {
      fail('field "rows" must be a list of text rows such as ["S..", "..G"].');
    }
    const wind = doc.wind === undefined ? undefined : (doc.wind as number[]);
    if (wind !== undefined && !Array.isArray(wind)) fail('field "wind" must be a list of numbers.');
    const def: GridDefinition = {
      kind: 'grid',
      rows: rows as string[],
      wind,
      stepReward: number('stepReward', -1),
      cliffReward: number('cliffReward', -100),
      goalReward: number('goalReward', 0),
      ...dynamics
    };
    return buildGrid(def, 'file');
  }

  if (doc.kind === 'graph') {
    const edges = doc.edges as unknown[];
    const goodEdge = (e: unknown) =>
      Array.isArray(e) &&
      (e.length === 3 || (e.length === 4 && typeof e[3] === 'number' && e[3] >= 0)) &&
      typeof e[0] === 'string' &&
      typeof e[1] === 'string' &&
      typeof e[2] === 'number' &&
      Number.isFinite(e[2]) &&
      Number.isFinite(e[3] ?? 0);
    if (!Array.isArray(edges) || edges.length === 0 || !edges.every(goodEdge)) {
      fail(
        'field "edges" must be a non-empty list of ["from", "to", reward] or ' +
          '["from", "to", reward, variance] entries, with a finite variance ≥ 0.'
      );
    }
    const goals = doc.goals as unknown[];
    if (typeof doc.start !== 'string' || !Array.isArray(goals) || goals.length === 0) {
      fail('fields "start" (a state name) and "goals" (a list of state names) are required.');
    }
    const def: GraphDefinition = {
      kind: 'graph',
      edges: edges as GraphDefinition['edges'],
      start: doc.start as string,
      goals: goals.map(String),
      ...dynamics
    };
    return buildGraph(def, 'file');
  }

  return fail(`field "kind" must be "graph" or "grid"; found ${JSON.stringify(doc.kind)}.`);
}

/**
 * Node `rl/environment-file`: an environment loaded from a JSON definition file, such as one
 * saved from another environment node (`environmentToJson`, or its `environment.json` result).
 */
export const environmentFileNode: NodeType = {
  type: 'rl/environment-file',
  version: 1,
  title: 'Environment file',
  category: 'reinforcement learning',
  description:
    'Loads a path graph or a grid world from a JSON definition file, such as one saved from ' +
    'another environment node.',
  inputs: {},
  outputs: {
    environment: { type: 'environment', label: 'environment' },
    picture: { type: 'plot', label: 'picture' }
  },
  params: {
    file: {
      kind: 'file',
      default: '',
      accept: '.json',
      help: 'A JSON environment definition (kind "graph" with edges, or kind "grid" with rows).'
    }
  },
  async run(_inputs, params, context) {
    const file = typeof params.file === 'string' ? params.file.trim() : '';
    if (file === '') {
      throw new NodeInputError('Param "file" must name a JSON environment definition.', 'file');
    }

    const bytes = await context.files.read(file);
    const environment = environmentFromJson(new TextDecoder().decode(bytes), file);
    return { environment, picture: environmentPicture(environment) };
  }
};
