import { NODE_ID_PATTERN } from '../graph/schema';

/**
 * A readable id for a new node of `type`, unique among `taken`: the type's last segment
 * (`topology/takens` → `takens`), then `takens2`, `takens3`, ... Ids are what `--set` names.
 */
export function newNodeId(type: string, taken: ReadonlySet<string>): string {
  const last = type.split('/').pop() ?? 'node';
  let base = last.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 48);
  if (!/^[A-Za-z]/.test(base)) base = `n${base}`;
  if (!NODE_ID_PATTERN.test(base)) base = 'node';

  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}${i}`;
    if (!taken.has(id)) return id;
  }
}
