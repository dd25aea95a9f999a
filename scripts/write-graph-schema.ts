// Writes docs/graph.schema.json from the zod schema in src/lib/graph/schema.ts.
// Run: npx tsx scripts/write-graph-schema.ts
import { writeFileSync } from 'node:fs';
import { graphJsonSchema } from '../src/lib/graph/schema';

writeFileSync('docs/graph.schema.json', `${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
