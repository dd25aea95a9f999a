import type { NodeType, Params } from '../graph/node-type';
import { checkParam } from '../graph/params';

/**
 * The first param of a node that breaks its spec (kind, bounds, options), or undefined. The
 * loader already replaces such values with the default, but a graph handed to the executor
 * directly (a test, `--set` from a script, a future caller) is checked here too, so no node
 * starts with a value its spec forbids; an absent param takes its default and is fine.
 */
export function paramProblem(
  type: NodeType,
  params: Params
): { field: string; message: string } | undefined {
  for (const [name, spec] of Object.entries(type.params)) {
    if (!Object.hasOwn(params, name)) continue;
    const message = checkParam(name, spec, params[name]);
    if (message) return { field: name, message };
  }
  return undefined;
}
