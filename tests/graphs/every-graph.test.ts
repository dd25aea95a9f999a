import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../nodes/registry';
import { parseGraph } from '../../src/lib/graph/load';

const files = readdirSync('graphs').filter((f) => f.endsWith('.json'));

describe('every example graph', () => {
  it('there is at least one', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(`${file} loads with no problem`, () => {
      const { doc, problems } = parseGraph(
        readFileSync(`graphs/${file}`, 'utf-8'),
        file,
        getNodeType
      );
      expect(problems).toEqual([]);
      expect(doc!.nodes.length).toBeGreaterThan(0);
    });

    it(`${file} has a headless run test in tests/graphs/`, () => {
      expect(existsSync(`tests/graphs/${file.replace(/\.json$/, '.test.ts')}`)).toBe(true);
    });
  }
});
