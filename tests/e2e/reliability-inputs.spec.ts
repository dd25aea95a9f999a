import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { embedText, GRAPH_KEYWORD } from '../../src/lib/editor/png-text';
import { EditorPage } from './editor-page';

/**
 * The largest and most broken inputs a person can give the editor, in a real browser: a graph
 * file of a million nodes, a 100 MB data file, truncated and corrupt share links, and PNGs
 * whose embedded graph is broken. Each is refused with a message naming the file and the
 * bound, the graph on the canvas stays as it was, and the page keeps answering clicks. Big
 * files are written to the test's own output folder, never into the repository.
 */

const MILLION = 1_000_000;

/** Writes a graph file of `count` complete nodes (about 90 bytes each) and returns its path. */
function writeMillionNodeFile(path: string): string {
  const node = (i: number) =>
    `{"id":"n${i}","type":"data/points","version":1,"params":{},"position":{"x":0,"y":0}}`;
  const parts = ['{"format":"kumiki-graph","version":1,"title":"big","nodes":['];
  for (let i = 0; i < MILLION; i++) parts.push(i === 0 ? node(i) : ',' + node(i));
  parts.push('],"edges":[]}');
  writeFileSync(path, parts.join(''));
  return path;
}

/** Drops a file built inside the page (so it never crosses the test connection). */
async function dropBuiltFile(page: Page, name: string, build: 'compact-million' | 'zeros-100mb') {
  const transfer = await page.evaluateHandle(
    ([fileName, kind, count]) => {
      let parts: BlobPart[];
      if (kind === 'zeros-100mb') parts = [new Uint8Array(100 * 1024 * 1024)];
      else {
        // A million minimal nodes fit in 17 MB: under the character bound, over the count.
        const nodes = Array.from({ length: count }, (_, i) => (i ? ',' : '') + `{"id":"n${i}"}`);
        const head = '{"format":"kumiki-graph","version":1,"title":"big","seed":1,"nodes":[';
        parts = [head, ...nodes, '],"edges":[]}'];
      }
      const data = new DataTransfer();
      data.items.add(new File(parts, fileName));
      return data;
    },
    [name, build, MILLION] as const
  );
  const stage = page.getByRole('region', { name: 'Graph canvas' });
  await stage.dispatchEvent('dragover', { dataTransfer: transfer });
  await stage.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Drops bytes made in the test onto the canvas. */
async function dropBytes(page: Page, name: string, bytes: Uint8Array) {
  const transfer = await page.evaluateHandle(
    ([fileName, data]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: 'image/png' }));
      return transfer;
    },
    [name, [...bytes]] as const
  );
  const stage = page.getByRole('region', { name: 'Graph canvas' });
  await stage.dispatchEvent('dragover', { dataTransfer: transfer });
  await stage.dispatchEvent('drop', { dataTransfer: transfer });
}

/** What the canvas shows: node ids and one edited param, to compare before and after. */
async function graphState(editor: EditorPage) {
  return { ids: await editor.nodeIds(), title: await titleBox(editor.page).inputValue() };
}

const titleBox = (page: Page) => page.getByRole('textbox', { name: 'Graph title' });

/** The page still handles a click: the theme button switches the theme. */
async function expectResponsive(page: Page) {
  const button = page.getByTestId('theme-button');
  const before = await button.getAttribute('data-theme-choice');
  await button.click();
  await expect(button).not.toHaveAttribute('data-theme-choice', before ?? '');
}

/** Opens the editor with an edited title, so a replaced graph would show. */
async function openEdited(page: Page): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.open();
  await titleBox(page).fill('My work in progress');
  await titleBox(page).press('Enter');
  return editor;
}

test('refuses a million-node graph file from the file chooser by its size', async ({
  page
}, testInfo) => {
  const path = writeMillionNodeFile(testInfo.outputPath('million.kumiki.json'));
  const editor = await openEdited(page);
  const before = await graphState(editor);

  await page.getByTestId('open-input').setInputFiles(path);
  const notice = page.getByTestId('notice').filter({ hasText: 'million.kumiki.json' });
  await expect(notice).toContainText('20,000,000 characters');
  await expect(notice).toContainText('E_TOO_LARGE');

  expect(await graphState(editor)).toEqual(before);
  await expectResponsive(page);
});

test('refuses a million-node graph dropped on the canvas, naming the count', async ({ page }) => {
  const editor = await openEdited(page);
  const before = await graphState(editor);

  await dropBuiltFile(page, 'compact-million.kumiki.json', 'compact-million');
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('compact-million.kumiki.json', { timeout: 60_000 });
  await expect(problems.getByTestId('problem')).toHaveAttribute('data-code', 'E_TOO_LARGE');
  await expect(problems).toContainText('1000000 nodes');
  await expect(problems).toContainText('at most 10000 nodes');

  expect(await graphState(editor)).toEqual(before);
  await expectResponsive(page);
});

test('a 100 MB data file from the file chooser fails its node, naming file and bound', async ({
  page
}, testInfo) => {
  const path = testInfo.outputPath('cloud.csv');
  writeFileSync(path, Buffer.alloc(100 * 1024 * 1024, '0.5,'));
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Persistence of a point cloud');
  await expect(editor.nodes()).toHaveCount(4);
  const before = await graphState(editor);

  await editor.param('points', 'file').setInputFiles(path);
  await page.getByTestId('run-button').click();
  await expect(editor.node('points')).toHaveAttribute('data-status', 'failed', {
    timeout: 60_000
  });
  const message = editor.node('points').getByTestId('node-message');
  await expect(message).toContainText('cloud.csv');
  await expect(message).toContainText('100.0 MB');
  await expect(message).toContainText('at most 64.0 MB');

  expect(await graphState(editor)).toEqual(before);
  await expectResponsive(page);
});

test('a 100 MB file dropped on the canvas is refused as a graph file', async ({ page }) => {
  const editor = await openEdited(page);
  const before = await graphState(editor);

  await dropBuiltFile(page, 'cloud.csv', 'zeros-100mb');
  const notice = page.getByTestId('notice').filter({ hasText: 'cloud.csv' });
  await expect(notice).toContainText('100.0 MB');
  await expect(notice).toContainText('20,000,000 characters');

  expect(await graphState(editor)).toEqual(before);
  await expectResponsive(page);
});

test('truncated, corrupt and oversized share links are refused', async ({ page }) => {
  const editor = await openEdited(page);
  const before = await graphState(editor);
  const doc = readFileSync('graphs/persistence-of-points.json', 'utf8');
  const link = deflateRawSync(Buffer.from(doc), { level: 9 }).toString('base64url');
  // A small link that unpacks to 25 million characters, over the 20 million bound.
  const bomb = deflateRawSync(Buffer.alloc(25_000_000, ' '), { level: 9 }).toString('base64url');

  const cases = [
    ['#g=' + link.slice(0, link.length >> 1), 'truncated or corrupt'],
    ['#g=' + link.replace(/[A-Za-z]/g, (c) => (c === 'A' ? 'B' : 'A')), 'truncated or corrupt'],
    ['#g=@@@not-base64@@@', 'truncated or corrupt'],
    ['#g=' + bomb, 'larger than Kumiki accepts']
  ];
  for (const [fragment, text] of cases) {
    await page.evaluate((hash) => (location.hash = hash), fragment);
    const problems = page.getByTestId('problems');
    await expect(problems.getByTestId('problem')).toHaveAttribute('data-code', 'E_SHARE_LINK');
    await expect(problems).toContainText('share link');
    await expect(problems).toContainText(text);
    expect(await graphState(editor)).toEqual(before);
    await page.getByRole('button', { name: 'Dismiss problems' }).click();
    await expect(problems).toHaveCount(0);
  }
  await expectResponsive(page);
});

test('a PNG with a broken embedded graph is refused, naming the picture', async ({ page }) => {
  const editor = await openEdited(page);
  const before = await graphState(editor);
  const base = new Uint8Array(readFileSync('tests/fixtures/editor/base.png'));

  // The graph text inside is cut off: the loader reports the JSON problem for this picture.
  const cut = embedText(base, GRAPH_KEYWORD, '{"format":"kumiki-graph","version":1,"nodes":[');
  await dropBytes(page, 'cut-graph.png', cut);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('cut-graph.png');
  await expect(problems.getByTestId('problem')).toHaveAttribute('data-code', 'E_JSON');
  expect(await graphState(editor)).toEqual(before);
  await page.getByRole('button', { name: 'Dismiss problems' }).click();

  // The file itself ends inside the graph's chunk.
  const whole = embedText(
    base,
    GRAPH_KEYWORD,
    readFileSync('graphs/persistence-of-points.json', 'utf8')
  );
  await dropBytes(page, 'half.png', whole.subarray(0, whole.length - 400));
  await expect(problems).toContainText('half.png');
  await expect(problems.getByTestId('problem')).toHaveAttribute('data-code', 'E_JSON');
  expect(await graphState(editor)).toEqual(before);
  await expectResponsive(page);
});
