import { nodeTypes } from '../../nodes/registry';
import { EXIT } from './exit';

/** `kumiki nodes`: every node type with its sockets and params, as text or JSON. */
export function commandNodes(json: boolean): number {
  if (json) {
    const described = nodeTypes.map(({ run: _run, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify(described, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const type of nodeTypes) {
    lines.push(`${type.type} (v${type.version}) — ${type.title}`, `  ${type.description}`);
    for (const [name, socket] of Object.entries(type.inputs))
      lines.push(`  in   ${name}: ${socket.type}`);
    for (const [name, socket] of Object.entries(type.outputs))
      lines.push(`  out  ${name}: ${socket.type}`);
    for (const [name, spec] of Object.entries(type.params)) {
      const bounds =
        'min' in spec || 'max' in spec ? ` [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]` : '';
      const options = spec.kind === 'enum' ? ` one of ${spec.options.join('|')}` : '';
      lines.push(
        `  param ${name}: ${spec.kind}${options}${bounds} = ` +
          `${JSON.stringify(spec.default)} — ${spec.help}`
      );
    }
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}`);
  return EXIT.ok;
}
