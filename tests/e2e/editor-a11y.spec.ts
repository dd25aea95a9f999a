import { expect, test } from '@playwright/test';
import { FOCUS_KEYS, SHORTCUT_HINTS, SHORTCUT_LABELS } from '../../src/lib/editor/shortcuts';
import { seriousViolations } from './axe';
import { EditorPage } from './editor-page';

test('the theme follows the system and the toolbar button overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const editor = new EditorPage(page);
  await editor.open();
  const html = page.locator('html');
  const panel = page.getByRole('complementary', { name: 'Inspector and results' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const darkBackground = await panel.evaluate((el) => getComputedStyle(el).backgroundColor);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  const lightBackground = await panel.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(lightBackground).not.toBe(darkBackground);

  const button = page.getByTestId('theme-button');
  await expect(button).toHaveAccessibleName('Theme: System');
  await button.click();
  await expect(button).toHaveAccessibleName('Theme: Light');
  await button.click();
  await expect(button).toHaveAccessibleName('Theme: Dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await expect(page.getByTestId('theme-button')).toHaveAccessibleName('Theme: Dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('? lists every keyboard shortcut that shortcuts.ts defines', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  const actions = Object.keys(SHORTCUT_HINTS) as (keyof typeof SHORTCUT_HINTS)[];
  await expect(help.locator('tr[data-testid^="shortcut-"]')).toHaveCount(actions.length);
  for (const action of actions) {
    const row = help.getByTestId(`shortcut-${action}`);
    await expect(row).toContainText(SHORTCUT_HINTS[action]);
    await expect(row).toContainText(SHORTCUT_LABELS[action]);
  }
  // The keys of focused controls (frames, wiring, menus) are listed too, each in its row.
  const focusRows = help.getByTestId('focus-key');
  await expect(focusRows).toHaveCount(FOCUS_KEYS.length);
  for (const [index, [keys, where, effect]] of FOCUS_KEYS.entries()) {
    for (const part of [keys, where, effect])
      await expect(focusRows.nth(index)).toContainText(part);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('the keyboard selects, deletes and restores nodes', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
  const before = await editor.nodeIds();

  // ] walks the nodes from left to right; the first is the data source on the left.
  await page.keyboard.press(']');
  await expect(editor.node('stsb')).toHaveClass(/selected/);
  await expect(page.getByTestId('inspector')).toContainText('stsb');
  await page.keyboard.press(']');
  await expect(editor.node('embed')).toHaveClass(/selected/);
  await expect(editor.node('stsb')).not.toHaveClass(/selected/);
  await page.keyboard.press('[');
  await expect(editor.node('stsb')).toHaveClass(/selected/);

  await page.keyboard.press('Delete');
  await expect(editor.node('stsb')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(editor.node('stsb')).toHaveCount(1);
  expect(await editor.nodeIds()).toEqual(before);
  await expect(editor.node('stsb')).toHaveAccessibleName(/STS-B.*stsb|stsb/);
});

// The page's Content Security Policy forbids inline scripts, which is how axe is injected.
test.describe('with axe-core injected', () => {
  test.use({ bypassCSP: true });

  test('axe-core finds no serious or critical problem on the main screens', async ({ page }) => {
    const editor = new EditorPage(page);
    const report: string[] = [];
    const scan = async (screen: string) => {
      const found = await seriousViolations(page);
      for (const f of found)
        report.push(`${screen}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(' | ')}`);
    };

    await editor.open();
    await editor.openExample('Persistence of a point cloud');
    await scan('editor, light');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'done');
    await editor.node('diagram').locator('.title').click();
    await expect(page.getByTestId('inspector')).toBeVisible();
    await scan('inspector, light');

    await page.getByTestId('theme-button').click();
    await page.getByTestId('theme-button').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await scan('inspector, dark');

    await page.getByRole('button', { name: 'Full size…' }).click();
    await scan('full-size plot, dark');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Browse examples' }).click();
    await scan('examples, dark');
    await page.keyboard.press('Escape');

    await page.keyboard.press('?');
    await scan('help, dark');
    await page.keyboard.press('Escape');

    expect(report, report.join('\n')).toEqual([]);
  });

  test('axe-core finds no serious or critical problem in the keyboard aids', async ({ page }) => {
    const editor = new EditorPage(page);
    const report: string[] = [];
    const scan = async (screen: string) => {
      const found = await seriousViolations(page);
      for (const f of found)
        report.push(`${screen}: ${f.id} (${f.impact}) ${f.help} at ${f.targets.join(' | ')}`);
    };

    await editor.open();
    await page.getByTestId('frame-button').click();
    await page.keyboard.type('Sources');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Move frame Sources' }).focus();
    await scan('frame, light');
    await editor.node('embed').getByRole('button', { name: 'Connect input pairs' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Outputs for pairs' })).toBeVisible();
    await scan('wiring menu, light');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Skip to the graph' }).focus();
    await scan('skip link, light');

    await editor.setParam('stsb', 'limit', '12');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await scan('confirm dialog, light');
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByTestId('theme-button').click();
    await page.getByTestId('theme-button').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('toolbar').getByRole('button', { name: 'File' }).click();
    await expect(page.getByRole('menu', { name: 'File' })).toBeVisible();
    await scan('File menu at 1024 px, dark');
    await page.keyboard.press('Escape');
    await editor.node('stsb').getByRole('button', { name: 'Connect output pairs' }).focus();
    await page.keyboard.press('Enter');
    await scan('wiring menu, dark');

    expect(report, report.join('\n')).toEqual([]);
  });
});
