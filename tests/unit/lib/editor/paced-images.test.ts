import { afterEach, describe, expect, it, vi } from 'vitest';
import { paceImage } from '../../../../src/lib/editor/paced-images';

/** An off-screen image whose decoding takes a timer tick, as a browser's does. */
class FakeImage {
  src = '';
  decode(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe('plot images handed out one at a time', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows them in turn, and one that cannot be drawn fails alone', async () => {
    vi.stubGlobal('Image', FakeImage);
    const seen: string[] = [];
    const image = (src: string) => ({ src });
    const broken = {
      get src(): string {
        throw new Error('the plot has no points');
      }
    };
    const all = new Promise<void>((done) => {
      paceImage(
        image('a'),
        (url) => seen.push(`shown ${url}`),
        () => {}
      );
      paceImage(
        broken,
        () => {},
        (message) => seen.push(`failed: ${message}`)
      );
      paceImage(
        image('c'),
        (url) => (seen.push(`shown ${url}`), done()),
        () => {}
      );
    });
    // Nothing is shown within the call: each image waits for its decoding.
    expect(seen).toEqual([]);
    await all;
    expect(seen).toEqual(['shown a', 'failed: the plot has no points', 'shown c']);
  });

  it('drops a request whose image left the page before its turn', async () => {
    vi.stubGlobal('Image', FakeImage);
    const seen: string[] = [];
    const drop = paceImage(
      { src: 'gone' },
      (url) => seen.push(url),
      () => {}
    );
    drop();
    await new Promise<void>((done) =>
      paceImage(
        { src: 'kept' },
        (url) => (seen.push(url), done()),
        () => {}
      )
    );
    expect(seen).toEqual(['kept']);
  });
});
