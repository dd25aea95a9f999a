import { expect, test, type Locator } from '@playwright/test';
import { EditorPage } from './editor-page';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('Not on screen.');
  return found;
}

/** Drags `handle` by (dx, dy) screen pixels with the mouse. */
async function dragBy(editor: EditorPage, handle: Locator, dx: number, dy: number) {
  const b = await box(handle);
  const mouse = editor.page.mouse;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await mouse.move(x, y);
  await mouse.down();
  await mouse.move(x + dx / 2, y + dy / 2, { steps: 4 });
  await mouse.move(x + dx, y + dy, { steps: 4 });
  await mouse.up();
}

function near(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThan(3);
}

test('a comment frame is added around a node, edited, moved with it, resized, undone and kept in the draft', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.node('stsb').locator('.title').click();
  await page.getByTestId('frame-button').click();

  const frame = page.getByTestId('frame');
  await expect(frame).toHaveCount(1);
  const start = await box(frame);
  const node = await box(editor.node('stsb'));
  // The frame sits around the node, and behind it: the node's title is still what is clicked.
  expect(start.x).toBeLessThan(node.x);
  expect(start.y).toBeLessThan(node.y);
  expect(start.x + start.width).toBeGreaterThan(node.x + node.width);
  expect(start.y + start.height).toBeGreaterThan(node.y + node.height);
  const hit = await page.evaluate(
    ([x, y]) =>
      document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'),
    [node.x + node.width / 2, node.y + 12]
  );
  expect(hit).toBe('node');

  // HTML typed into a frame is kept and shown as text, never as markup.
  const markup = '<b>raw</b> data <img src=x onerror="document.title=1">';
  await frame.getByRole('textbox', { name: 'Frame title' }).fill('Data <i>in</i>');
  await frame.getByRole('textbox', { name: 'Frame title' }).press('Enter');
  await frame.getByRole('textbox', { name: 'Frame text' }).fill(markup);
  await frame.getByRole('textbox', { name: 'Frame text' }).blur();
  await expect(frame.getByRole('textbox', { name: 'Frame text' })).toHaveValue(markup);
  await expect(frame.locator('b, i, img')).toHaveCount(0);

  const embedBefore = await box(editor.node('embed'));
  // Up and to the left, into empty canvas, where no node covers the frame's corner handle.
  await dragBy(editor, frame.getByTestId('frame-grip'), -120, -80);
  const moved = await box(frame);
  near(moved.x, start.x - 120);
  near(moved.y, start.y - 80);
  const nodeMoved = await box(editor.node('stsb'));
  near(nodeMoved.x, node.x - 120);
  near(nodeMoved.y, node.y - 80);
  const embedAfter = await box(editor.node('embed'));
  expect(embedAfter.x).toBe(embedBefore.x);

  await dragBy(editor, frame.getByTestId('frame-resize'), 100, 60);
  const resized = await box(frame);
  near(resized.width, start.width + 100);
  near(resized.height, start.height + 60);

  // Undo takes back the resize, then the move of the frame and its node in one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  near((await box(frame)).width, start.width);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Math.round((await box(frame)).x - start.x)).toBe(0);
  near((await box(editor.node('stsb'))).x, node.x);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => Math.round((await box(frame)).x - start.x)).toBe(-120);
  near((await box(editor.node('stsb'))).x, node.x - 120);

  // The draft keeps the frame, its text and its place over a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(frame).toHaveCount(1);
  await expect(frame.getByRole('textbox', { name: 'Frame title' })).toHaveValue('Data <i>in</i>');
  await expect(frame.getByRole('textbox', { name: 'Frame text' })).toHaveValue(markup);
  await expect(frame.locator('b, i, img')).toHaveCount(0);

  // Deleting is one step too.
  // Its delete button is reached with the keyboard.
  await frame.getByRole('button', { name: /Delete frame/ }).focus();
  await page.keyboard.press('Enter');
  await expect(frame).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(frame).toHaveCount(1);
});

test('a file with a malformed frame opens; the problem names the field and good frames stay', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const graph = {
    format: 'kumiki-graph',
    version: 1,
    title: 'Framed',
    seed: 0,
    nodes: [
      { id: 'points', type: 'data/points', version: 1, params: {}, position: { x: 40, y: 80 } }
    ],
    edges: [],
    frames: [
      {
        id: 'notes',
        title: 'Input',
        text: 'The sample circle.',
        position: { x: 0, y: 0 },
        size: { width: 400, height: 300 }
      },
      {
        id: 'bad',
        title: 'Bad',
        text: '',
        position: { x: 0, y: 0 },
        size: { width: -5, height: 80 }
      }
    ]
  };
  await page.getByTestId('open-input').setInputFiles({
    name: 'framed.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(graph))
  });
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue('Framed');
  await expect(page.getByTestId('problems')).toContainText('frames.1.size.width');
  await expect(page.getByTestId('frame')).toHaveCount(1);
  await expect(page.getByTestId('frame').getByRole('textbox', { name: 'Frame text' })).toHaveValue(
    'The sample circle.'
  );
});

// Keyboard wiring lives here too: like frames, it is an editing aid of the canvas.
test('the keyboard wires an output to a compatible input, and undo takes the edge back', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const graph = {
    format: 'kumiki-graph',
    version: 1,
    title: 'Unwired',
    seed: 0,
    nodes: [
      { id: 'points', type: 'data/points', version: 1, params: {}, position: { x: 0, y: 0 } },
      {
        id: 'persistence',
        type: 'topology/persistence',
        version: 1,
        params: {},
        position: { x: 420, y: 0 }
      }
    ],
    edges: []
  };
  await page.getByTestId('open-input').setInputFiles({
    name: 'unwired.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(graph))
  });
  await expect(page.getByRole('textbox', { name: 'Graph title' })).toHaveValue('Unwired');
  const edges = page.locator('[data-testid="canvas"] svg[data-testid="connection"]');
  await expect(edges).toHaveCount(0);

  // The persistence node's own output has no free input of its type: the picker says so.
  await editor.node('persistence').getByRole('button', { name: 'Connect output diagrams' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu', { name: 'Inputs for diagrams' })).toContainText(
    'No free input takes this type'
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  await editor.node('points').getByRole('button', { name: 'Connect output clouds' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Inputs for clouds' });
  await expect(menu.getByRole('menuitem')).toHaveText([/\(persistence\) · clouds/]);
  await page.keyboard.press('Enter');
  await expect(edges).toHaveCount(1);
  await expect(page.getByRole('menu')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(edges).toHaveCount(0);
});
