import { readFileSync } from 'node:fs';

/** The reference made by tests/fixtures/embed/make-fixture.mjs with the official USE package. */
export interface UseLiteFixture {
  tokens: { text: string; ids: number[] }[];
  embeddings: { text: string; vector: number[] }[];
}

/** Reads tests/fixtures/embed/use-lite.json. */
export function readFixture(): UseLiteFixture {
  const url = new URL('../../../fixtures/embed/use-lite.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as UseLiteFixture;
}
