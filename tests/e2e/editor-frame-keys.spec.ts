import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';
import { box, near, node, openGraph } from './keyboard-helpers';

const FRAMED = {
  format: 'kumiki-graph',
  version: 1,
  title: 'Framed by keys',
  seed: 0,
  nodes: [
    node('points', 'data/points', 40, 80),
    node('persistence', 'topology/persistence', 700, 80)
  ],
  edges: [],
  frames: [
    {
      id: 'notes',
      title: 'Input',
      text: '',
      position: { x: 0, y: 0 },
      size: { width: 400, height: 300 }
    }
  ]
};

test('a frame is moved, resized, renamed and deleted by keys; a held key is one undo', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await openGraph(page, FRAMED);
  const frame = page.getByTestId('frame');
  const grip = page.getByRole('button', { name: 'Move frame Input' });
  await expect(frame).toHaveCount(1);

  // From the top of the page: the skip link, then the canvas, then the frame's handle.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the graph' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Graph canvas' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(grip).toBeFocused();

  const zoom = await editor.zoom();
  const start = await box(frame);
  const inside = await box(editor.node('points'));
  const outside = await box(editor.node('persistence'));

  // Two quick presses are one hold; after a pause the third is a step of its own.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(900);
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => Math.round((await box(frame)).x - start.x))
    .toBe(Math.round(30 * zoom));
  near((await box(editor.node('points'))).x, inside.x + 30 * zoom);
  await page.keyboard.press('Shift+ArrowDown');
  await expect
    .poll(async () => Math.round((await box(frame)).y - start.y))
    .toBe(Math.round(50 * zoom));
  near((await box(editor.node('points'))).y, inside.y + 50 * zoom);
  await page.keyboard.press('Alt+ArrowRight');
  await expect
    .poll(async () => Math.round((await box(frame)).width - start.width))
    .toBe(Math.round(10 * zoom));
  // The node outside the frame stays where it was.
  expect(await box(editor.node('persistence'))).toEqual(outside);

  // Undo takes back one step at a time: the resize, the big step, the lone small step, then
  // the two quick presses together.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(frame)).width - start.width)).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(frame)).y - start.y)).toBe(0);
  near((await box(editor.node('points'))).y, inside.y);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await box(frame)).x - start.x))
    .toBe(Math.round(20 * zoom));
  near((await box(editor.node('points'))).x, inside.x + 20 * zoom);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box(frame)).x - start.x)).toBe(0);
  near((await box(editor.node('points'))).x, inside.x);
  // Redo replays the hold whole, the nodes inside with it.
  await page.keyboard.press('Control+Shift+z');
  await expect
    .poll(async () => Math.round((await box(frame)).x - start.x))
    .toBe(Math.round(20 * zoom));
  near((await box(editor.node('points'))).x, inside.x + 20 * zoom);

  // Enter goes to the title; the new name is the handle's name too.
  await grip.focus();
  await page.keyboard.press('Enter');
  const title = frame.getByRole('textbox', { name: 'Frame title' });
  await expect(title).toBeFocused();
  await page.keyboard.type('Sources');
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('Sources');
  const renamed = page.getByRole('button', { name: 'Move frame Sources' });
  await expect(renamed).toHaveCount(1);

  // Delete on the handle removes the frame, not the nodes; the focus goes to the canvas.
  await renamed.focus();
  await page.keyboard.press('Delete');
  await expect(frame).toHaveCount(0);
  expect(await editor.nodeIds()).toEqual(['persistence', 'points']);
  await expect(page.getByRole('region', { name: 'Graph canvas' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(frame).toHaveCount(1);
  await expect(title).toHaveValue('Sources');
});

test('a frame added from the keyboard goes around the node ] selected, with its title focused to be named', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  // ] selects the first node; the new frame goes around it.
  await page.getByRole('link', { name: 'Skip to the graph' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(']');
  await expect(editor.node('stsb')).toBeFocused();
  await page.getByTestId('frame-button').focus();
  await page.keyboard.press('Enter');
  const title = page.getByTestId('frame').getByRole('textbox', { name: 'Frame title' });
  await expect(title).toBeFocused();
  const frame = await box(page.getByTestId('frame'));
  const node = await box(editor.node('stsb'));
  expect(frame.x).toBeLessThan(node.x);
  expect(frame.y).toBeLessThan(node.y);
  expect(frame.x + frame.width).toBeGreaterThan(node.x + node.width);
  expect(frame.y + frame.height).toBeGreaterThan(node.y + node.height);
  await page.keyboard.type('Embedding step');
  // Enter keeps the title and hands the keys back to the grip, where arrows move the frame.
  await page.keyboard.press('Enter');
  const grip = page.getByRole('button', { name: 'Move frame Embedding step' });
  await expect(grip).toBeFocused();
  await expect(title).toHaveValue('Embedding step');
  // Escape leaves the field with the saved title.
  await page.keyboard.press('Enter');
  await expect(title).toBeFocused();
  await page.keyboard.type(' draft');
  await page.keyboard.press('Escape');
  await expect(grip).toBeFocused();
  await expect(title).toHaveValue('Embedding step');
  const before = await box(page.getByTestId('frame'));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(page.getByTestId('frame'))).x).toBeGreaterThan(before.x);
});
