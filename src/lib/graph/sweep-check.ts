import type { GraphDocument } from './document';
import type { TypeLookup } from './load';
import { checkParam } from './params';
import { withSubgraphs } from './subgraph';

/** The output socket types a sweep can collect: every numeric field becomes a column. */
export const SWEEPABLE_TARGETS = ['correlation', 'numbers'] as const;

/** A problem with a graph's sweep, by node and field. */
export interface SweepIssue {
  message: string;
  nodeId?: string;
  field: string;
}

/**
 * Checks a graph's sweep: each axis names a number or integer param of an existing node and
 * values within its bounds; the target names an existing output of a collectable type.
 */
export function checkSweep(doc: GraphDocument, registered: TypeLookup): SweepIssue[] {
  const sweep = doc.sweep;
  if (!sweep) return [];
  // Subgraph nodes take their params from the file's definitions, so every caller checks a
  // sweep over an exposed param the way the loader and the runner read it.
  const lookup = withSubgraphs(registered, doc.subgraphs);
  const issues: SweepIssue[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));

  sweep.axes.forEach((axis, a) => {
    const field = `sweep.axes.${a}`;
    const node = byId.get(axis.node);
    const spec = node && lookup(node.type)?.params[axis.param];
    if (!node) {
      issues.push({
        field,
        message: `Sweep axis ${a + 1} names the node "${axis.node}", which is not in the graph.`
      });
    } else if (!spec || (spec.kind !== 'number' && spec.kind !== 'integer')) {
      const message =
        `Sweep axis ${a + 1}: node "${axis.node}" ` + `has no number param "${axis.param}".`;
      issues.push({ field, nodeId: axis.node, message });
    } else {
      for (const value of axis.values) {
        const problem = checkParam(axis.param, spec, value);
        if (problem)
          issues.push({ field, nodeId: axis.node, message: `Sweep axis ${a + 1}: ${problem}` });
      }
    }
  });
  if (sweep.axes.length === 2 && sameParam(sweep.axes[0], sweep.axes[1])) {
    issues.push({ field: 'sweep.axes', message: 'The two sweep axes name the same param.' });
  }

  const target = byId.get(sweep.target.node);
  const output = target && lookup(target.type)?.outputs[sweep.target.output];
  if (!output || !(SWEEPABLE_TARGETS as readonly string[]).includes(output.type)) {
    const message =
      `The sweep target "${sweep.target.node}.${sweep.target.output}" ` +
      `must be an output of type ${SWEEPABLE_TARGETS.join(' or ')}.`;
    issues.push({ field: 'sweep.target', nodeId: sweep.target.node, message });
  }
  return issues;
}

function sameParam(a: { node: string; param: string }, b: { node: string; param: string }) {
  return a.node === b.node && a.param === b.param;
}
