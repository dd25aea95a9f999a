import type { GraphEdge, GraphNode } from './document';
import type { Report, TypeLookup } from './load-nodes';
import { subgraphInputSchema, subgraphOutputSchema, subgraphParamSchema } from './schema';
import type { SubgraphDefinition } from './subgraph';

/**
 * At most this many exposed inputs, outputs and params, each, per definition: far more than a
 * node shows, and it keeps the work per instance small whatever a file holds.
 */
export const MAX_PORTS = 256;

/** Checks a definition's exposed sockets and params one by one against its inner graph. */
export class Ports {
  private byId: Map<string, GraphNode>;
  private fedInside: Set<string>;

  constructor(
    private id: string,
    nodes: GraphNode[],
    edges: GraphEdge[],
    private lookup: TypeLookup,
    private report: Report
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    this.fedInside = new Set(edges.map((e) => `${e.to.node}\u0000${e.to.input}`));
  }

  inputs(raw: unknown[]): SubgraphDefinition['inputs'] {
    const names = new Set<string>();
    const taken = new Set(this.fedInside);
    return this.each(raw, 'inputs', subgraphInputSchema, names, (port, field) => {
      const keys = new Set<string>();
      let first: { where: string; type: string } | undefined;
      for (const [i, target] of port.targets.entries()) {
        const why = this.socketProblem(target.node, 'inputs', target.input);
        const key = `${target.node}\u0000${target.input}`;
        const where = `${target.node}.${target.input}`;
        if (why) return [`${field}.targets.${i}`, why];
        if (taken.has(key) || keys.has(key))
          return [`${field}.targets.${i}`, `the input "${where}" already has an edge`];
        // One outside output feeds every target, so they must all take its type.
        const type = this.socketType(target.node, target.input);
        if (first && type !== undefined && type !== first.type) {
          return [
            `${field}.targets.${i}`,
            `the input "${where}" takes "${type}" but "${first.where}" takes ` +
              `"${first.type}"; one outside output cannot feed both`
          ];
        }
        if (!first && type !== undefined) first = { where, type };
        keys.add(key);
      }
      for (const key of keys) taken.add(key);
      return undefined;
    });
  }

  outputs(raw: unknown[]): SubgraphDefinition['outputs'] {
    return this.each(raw, 'outputs', subgraphOutputSchema, new Set(), (port, field) => {
      const why = this.socketProblem(port.from.node, 'outputs', port.from.output);
      return why ? [`${field}.from`, why] : undefined;
    });
  }

  params(raw: unknown[]): SubgraphDefinition['params'] {
    const shown = new Map<string, string>();
    return this.each(raw, 'params', subgraphParamSchema, new Set(), (port, field) => {
      const node = this.byId.get(port.node);
      if (!node) return [`${field}.node`, `the inner node "${port.node}" does not exist`];
      const type = this.lookup(node.type);
      if (!type || !Object.hasOwn(type.params, port.param)) {
        return [`${field}.param`, `the inner node "${port.node}" has no param "${port.param}"`];
      }
      // Two names for one inner param would fight: only the last value set would count.
      const key = `${port.node}\u0000${port.param}`;
      const other = shown.get(key);
      if (other !== undefined) {
        return [
          `${field}.param`,
          `the param "${port.param}" of the inner node "${port.node}" is already shown as "${other}"`
        ];
      }
      shown.set(key, port.name);
      return undefined;
    });
  }

  /** Parses each entry, refuses duplicate names and what `problem` finds, and reports both. */
  private each<T extends { name: string }>(
    raw: unknown[],
    side: string,
    schema: {
      safeParse(
        v: unknown
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    names: Set<string>,
    problem: (port: T, field: string) => [string, string] | undefined
  ): T[] {
    const kept: T[] = [];
    if (raw.length > MAX_PORTS) {
      this.report(
        'E_TOO_LARGE',
        `The subgraph "${this.id}" has ${raw.length} exposed ${side}; only the first ` +
          `${MAX_PORTS} were read.`,
        undefined,
        `subgraphs.${this.id}.${side}`
      );
    }
    raw.slice(0, MAX_PORTS).forEach((entry, index) => {
      const field = `subgraphs.${this.id}.${side}.${index}`;
      const parsed = schema.safeParse(entry);
      const data = parsed.success ? parsed.data : undefined;
      let found: [string, string] | undefined;
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        found = [[field, ...issue.path.map(String)].join('.'), issue.message.toLowerCase()];
      } else if (names.has(parsed.data.name)) {
        found = [`${field}.name`, `the name "${parsed.data.name}" is used twice`];
      } else {
        found = problem(parsed.data, field);
      }
      if (found) {
        const [where, why] = found;
        this.report(
          'E_SUBGRAPH',
          `In the subgraph "${this.id}", "${where}": ${why}. It was left out.`,
          undefined,
          where
        );
        return;
      }
      if (!data) return;
      names.add(data.name);
      kept.push(data);
    });
    return kept;
  }

  /** The socket type of an inner input, when its node's type is known. */
  private socketType(nodeId: string, input: string): string | undefined {
    const node = this.byId.get(nodeId);
    const type = node ? this.lookup(node.type) : undefined;
    return type && Object.hasOwn(type.inputs, input) ? type.inputs[input].type : undefined;
  }

  private socketProblem(
    nodeId: string,
    side: 'inputs' | 'outputs',
    key: string
  ): string | undefined {
    const node = this.byId.get(nodeId);
    if (!node) return `the inner node "${nodeId}" does not exist`;
    const type = this.lookup(node.type);
    if (type && !Object.hasOwn(type[side], key)) {
      return `the inner node "${nodeId}" has no ${side === 'inputs' ? 'input' : 'output'} "${key}"`;
    }
    return type
      ? undefined
      : `the inner node "${nodeId}" has an unknown type, so its sockets cannot be shown`;
  }
}
