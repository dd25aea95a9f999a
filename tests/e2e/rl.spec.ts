import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

const AGENTS = ['sarsa', 'qlearning', 'expected'];

test('runs the cliff-walking example and shows its learning curves and greedy path', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample('Cliff walking');
  await editor.dismissProblems();

  // A small run: 5 seeds of 40 episodes per agent, so the test takes seconds.
  for (const id of AGENTS) {
    await editor.setParam(id, 'seeds', '5');
    await editor.setParam(id, 'episodes', '40');
  }
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 120_000
  });

  for (const id of ['cliff', ...AGENTS, 'returns', 'path', 'qtable']) {
    await expect(editor.node(id)).toHaveAttribute('data-status', /^(done|cached)$/);
  }
  const preview = (id: string) => editor.node(id).getByTestId('node-preview');
  await expect(preview('cliff').locator('img[alt="Cliff walking"]')).toBeVisible();
  await expect(preview('sarsa')).toContainText('sarsa: 5 seeds × 40 episodes');
  await expect(preview('sarsa')).toContainText('mean return, last 40 episodes');

  const curves = preview('returns').locator('img');
  await expect(curves).toHaveAttribute('alt', /Return per episode/);
  const path = preview('path').locator('img');
  await expect(path).toHaveAttribute('alt', /Greedy path of/);
  for (const image of [curves, path]) {
    await expect(image).toBeVisible();
    const decoded = await image.evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(decoded).toBeGreaterThan(0);
  }
  // The greedy path is drawn on the grid: its SVG holds a path element.
  const svg = decodeURIComponent((await path.getAttribute('src')) ?? '');
  expect(svg).toContain('class="path"');
});

/** The SVG of a node's preview, decoded from its image's data URL. */
async function previewSvg(editor: EditorPage, id: string): Promise<string> {
  const image = editor.node(id).getByTestId('node-preview').locator('img');
  const src = (await image.getAttribute('src')) ?? '';
  return decodeURIComponent(src.replace(/^data:image\/svg\+xml[^,]*,/, ''));
}

/** Draws an SVG at its own size on a page of its own and saves a PNG, for a person to look at. */
async function savePng(context: BrowserContext, svg: string, path: string): Promise<void> {
  const view = await context.newPage();
  await view.setContent(`<body style="margin:0">${svg}</body>`);
  await view.locator('svg').screenshot({ path });
  await view.close();
}

async function runExample(page: Page, title: string): Promise<EditorPage> {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openExample(title);
  await editor.dismissProblems();
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done', {
    timeout: 180_000
  });
  return editor;
}

test('draws the full cliff-walking return curves with the −25 and −50 plateaus apart', async ({
  page,
  context
}) => {
  // The example as saved: 200 seeds × 500 episodes per agent.
  const editor = await runExample(page, 'Cliff walking');
  await page.screenshot({ path: '/tmp/kumiki/rl/cliff-editor.png' });

  const svg = await previewSvg(editor, 'returns');
  expect(svg).toMatch(/y from -100 to 0, \d+ of 1500 points cut off/);
  expect(svg).toContain('class="legend"');
  await savePng(context, svg, '/tmp/kumiki/rl/cliff-returns.png');
});

test('runs the reward-variance example and draws its four curve plots', async ({
  page,
  context
}) => {
  const editor = await runExample(page, 'Reward variance');
  for (const id of ['returns', 'startq', 'returnsExact', 'startqExact']) {
    const svg = await previewSvg(editor, id);
    expect(svg.match(/class="band series-\d"/g), id).toHaveLength(3);
    await savePng(context, svg, `/tmp/kumiki/rl/variance-${id}.png`);
  }
});
