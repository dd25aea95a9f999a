import { expect, test } from '@playwright/test';
import { EditorPage } from './editor-page';

/** The seconds the run log gives for the embedding node's last finish. */
async function embedSeconds(editor: EditorPage): Promise<number> {
  await editor.setParam('stsb', 'limit', '60');
  await editor.page.getByTestId('run-button').click();
  await expect(editor.page.getByTestId('pearson')).toBeVisible({ timeout: 180_000 });
  const log = await editor.page.getByTestId('run-log').innerText();
  const line = log.split('\n').findLast((l) => /Sentence embeddings.*finished in/.test(l)) ?? '';
  const match = /finished in ([\d.]+) (ms|s)/.exec(line);
  expect(match, `no finish line for the embedding node in:\n${log}`).not.toBeNull();
  return Number(match![1]) / (match![2] === 'ms' ? 1000 : 1);
}

test('sentence embeddings survive a reload in IndexedDB, so the model does not run again', async ({
  page
}) => {
  const editor = new EditorPage(page);
  await editor.open();
  const first = await embedSeconds(editor);

  await page.reload();
  await expect(editor.nodes().first()).toBeVisible();
  const again = await embedSeconds(editor);

  // The first run loads the 27 MB encoder and embeds 120 sentences; the second only reads
  // 120 vectors back. A tenth of the first run's time leaves room for a slow machine.
  expect(again).toBeLessThan(first / 10);
});
