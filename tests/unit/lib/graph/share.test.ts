import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getNodeType } from '../../../../nodes/registry';
import type { GraphDocument } from '../../../../src/lib/graph/document';
import { decodeShareFragment, encodeShareFragment } from '../../../../src/lib/graph/share';

const example = JSON.parse(readFileSync('graphs/takens-stsb.json', 'utf-8')) as GraphDocument;

describe('share links', () => {
  it('carry a graph through the URL fragment unchanged', () => {
    const fragment = encodeShareFragment(example);
    expect(fragment).toMatch(/^g=[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(`#${fragment}`, getNodeType).doc).toEqual(
      decodeShareFragment(encodeShareFragment(example), getNodeType).doc
    );
    expect(decodeShareFragment(fragment, getNodeType).doc!.title).toBe(example.title);
  });

  it('report a truncated or corrupt link instead of throwing', () => {
    const fragment = encodeShareFragment(example);
    for (const broken of [fragment.slice(0, fragment.length / 2), 'g=%%%', 'g=AAAA', 'nothing']) {
      const { doc, problems } = decodeShareFragment(broken, getNodeType);
      expect(doc).toBeNull();
      expect(problems[0].code).toBe('E_SHARE_LINK');
    }
  });

  it('refuse a link that unpacks to more than the largest accepted graph', () => {
    const bomb = deflateSync(strToU8(' '.repeat(30_000_000)), { level: 9 });
    let binary = '';
    for (const byte of bomb) binary += String.fromCharCode(byte);
    const fragment = `g=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(fragment.length).toBeLessThan(100_000);
    const { problems } = decodeShareFragment(fragment, getNodeType);
    expect(problems[0].message).toContain('larger than Kumiki accepts');
  });
});
