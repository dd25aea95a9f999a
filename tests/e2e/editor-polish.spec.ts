import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';

test('a long param name is readable on the node: it wraps and its label names it in full', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId('palette-search').fill('DDPM sampler');
  await page.getByTestId('palette-item').first().click();

  const input = page.getByLabel('trajectorySteps', { exact: true });
  await expect(input).toBeVisible();
  const id = await input.getAttribute('id');
  const label = page.locator(`label[for="${id}"]`);
  await expect(label).toHaveAttribute('title', /^trajectorySteps: \S/);
  // Nothing of the name is cut off: the label shows all of its text.
  const clipped = await label.evaluate(
    (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1
  );
  expect(clipped).toBe(false);
  await expect(label).toHaveText('trajectorySteps');
});

test('the canvas menu opened near the bottom edge stays in the window and its search says what it does', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const canvas = page.getByTestId('canvas');
  const area = await canvas.boundingBox();
  if (!area) throw new Error('the canvas has no box');

  await canvas.click({ button: 'right', position: { x: area.width / 2, y: area.height - 12 } });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  const search = menu.getByRole('textbox', { name: 'Search nodes' });
  await expect(search).toHaveAttribute('placeholder', 'Search nodes');

  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  await expect
    .poll(async () => {
      const box = await menu.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
  const box = await menu.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);

  // It still works: a search narrows the list and a click adds the node.
  await search.fill('DDPM');
  await menu.getByText(/DDPM sampler/).click();
  await expect(page.getByLabel('trajectorySteps', { exact: true })).toBeVisible();
});
