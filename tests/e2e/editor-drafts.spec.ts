import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

const title = (page: Page) => page.getByRole('textbox', { name: 'Graph title' });

/** Renames the graph, as a person edits, and waits until that edit is kept as a draft. */
async function rename(page: Page, text: string) {
  await title(page).fill(text);
  await title(page).press('Tab');
  await page.waitForFunction(
    (t) =>
      Object.keys(localStorage).some(
        (k) => k.startsWith('kumiki:draft:') && (localStorage.getItem(k) ?? '').includes(t)
      ),
    text
  );
}

test('two open tabs keep their own drafts; a reload finds its own, a new tab a closed one’s', async ({
  context
}) => {
  const a = await context.newPage();
  await new EditorPage(a).open();
  await rename(a, 'Work in tab A');

  // A second tab while the first is open starts fresh and leaves the first one's draft alone.
  const b = await context.newPage();
  await new EditorPage(b).open();
  await expect(title(b)).not.toHaveValue('Work in tab A');
  await rename(b, 'Work in tab B');

  await a.reload();
  await expect(a.getByTestId('canvas')).toBeVisible();
  await expect(title(a)).toHaveValue('Work in tab A');
  await b.reload();
  await expect(b.getByTestId('canvas')).toBeVisible();
  await expect(title(b)).toHaveValue('Work in tab B');

  // Once tab A is closed, a new tab is offered its draft; tab B's stays with tab B.
  await a.close();
  const c = await context.newPage();
  await new EditorPage(c).open();
  await expect(c.getByTestId('notice')).toContainText('Restored your draft');
  await expect(title(c)).toHaveValue('Work in tab A');
  await b.reload();
  await expect(b.getByTestId('canvas')).toBeVisible();
  await expect(title(b)).toHaveValue('Work in tab B');
});
