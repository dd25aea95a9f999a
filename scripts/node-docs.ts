import { nodeTypes } from '../nodes/registry';
import type { ParamSpec } from '../src/lib/graph/node-type';

/** docs/nodes.md, generated from the registry so it never drifts from the code. */
export function nodeDocs(): string {
  const lines = [
    '# Node types',
    '',
    'Generated from `nodes/registry.ts` by `npx tsx scripts/write-node-docs.ts`; do not edit by hand.',
    ''
  ];
  for (const type of nodeTypes) {
    lines.push(`## ${type.title} — \`${type.type}\` (version ${type.version})`, '', type.description, '');
    const sockets = [
      ...Object.entries(type.inputs).map(([name, s]) => `| input | \`${name}\` | ${s.type} |`),
      ...Object.entries(type.outputs).map(([name, s]) => `| output | \`${name}\` | ${s.type} |`)
    ];
    if (sockets.length) lines.push('| socket | name | type |', '|---|---|---|', ...sockets, '');
    const params = Object.entries(type.params).map(([name, spec]) => `| \`${name}\` | ${kind(spec)} | ${JSON.stringify(spec.default)} | ${spec.help} |`);
    if (params.length) lines.push('| param | kind | default | meaning |', '|---|---|---|---|', ...params, '');
  }
  return lines.join('\n');
}

function kind(spec: ParamSpec): string {
  if (spec.kind === 'enum') return `one of ${spec.options.map((o) => `\`${o}\``).join(', ')}`;
  if (spec.kind !== 'number' && spec.kind !== 'integer') return spec.kind;
  const bounds = spec.min !== undefined || spec.max !== undefined ? ` in [${spec.min ?? '−∞'}, ${spec.max ?? '∞'}]` : '';
  return `${spec.kind}${bounds}${spec.unit ? ` (${spec.unit})` : ''}`;
}
