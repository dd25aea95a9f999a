// Writes docs/nodes.md from the node registry. Run: npx tsx scripts/write-node-docs.ts
import { writeFileSync } from 'node:fs';
import { nodeDocs } from './node-docs';

writeFileSync('docs/nodes.md', nodeDocs());
