import { expect, type Locator, type Page } from '@playwright/test';

/** The editor as a person sees it: the canvas, its nodes and the panels around it. */
export class EditorPage {
  constructor(readonly page: Page) {}

  /** Opens the editor and waits for the canvas to show a graph. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.nodes().first()).toBeVisible();
    await this.allMounted();
  }

  /**
   * Waits until the canvas has mounted what it will: every node of a small graph, whose nodes
   * mount in slices after the graph has loaded (virtual-nodes.ts).
   */
  async allMounted(): Promise<void> {
    await this.page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]');
      const { nodes, mounted, pending } = canvas?.dataset ?? {};
      const shown = document.querySelectorAll('[data-testid="node"]').length;
      if (pending !== '0') return false;
      // Larger graphs mount only what is near the view (MOUNT_ALL_UP_TO in virtual-nodes.ts).
      if (Number(nodes) > 100) return true;
      return nodes === mounted && shown === Number(nodes);
    });
  }

  nodes(): Locator {
    return this.page.getByTestId('node');
  }

  node(id: string): Locator {
    return this.page.locator(`[data-testid="node"][data-node-id="${id}"]`);
  }

  param(nodeId: string, name: string): Locator {
    return this.node(nodeId).locator(`[name="${name}"]`);
  }

  /** Types a param value and commits it as a person would, with Enter. */
  async setParam(nodeId: string, name: string, value: string): Promise<void> {
    const input = this.param(nodeId, name);
    await input.fill(value);
    await input.press('Enter');
    await expect(input).toHaveValue(value);
  }

  /** The ids of the nodes on the canvas, sorted. */
  /** The ids of the nodes on the canvas, sorted, once every node that will mount has. */
  async nodeIds(): Promise<string[]> {
    await this.allMounted();
    const ids = await this.nodes().evaluateAll((els) =>
      els.map((el) => (el as HTMLElement).dataset.nodeId ?? '')
    );
    return ids.sort();
  }

  /** The canvas zoom the editor reports. */
  async zoom(): Promise<number> {
    return Number(await this.page.getByTestId('canvas').getAttribute('data-zoom'));
  }

  /** Opens a bundled example by (part of) its title, as the Examples menu does. */
  async openExample(title: string): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Open an example' });
    const option = select.locator('option', { hasText: title });
    await select.selectOption((await option.getAttribute('value')) ?? '');
    await expect(this.page.getByRole('textbox', { name: 'Graph title' })).toHaveValue(
      new RegExp(title)
    );
    await this.allMounted();
  }

  async dismissProblems(): Promise<void> {
    const dismiss = this.page.getByRole('button', { name: 'Dismiss problems' });
    if (await dismiss.isVisible()) await dismiss.click();
  }

  /**
   * Opens the page with a bundled example and fits it with F, so every node can be clicked
   * (the palette covers the canvas's left edge).
   */
  async openFitted(title: string): Promise<void> {
    await this.open();
    await this.openExample(title);
    await this.dismissProblems();
    await this.page.getByTestId('canvas').click({ position: { x: 600, y: 700 } });
    await this.page.keyboard.press('f');
  }

  /** Drags from one socket to another with the mouse. */
  async wire(from: Locator, to: Locator): Promise<void> {
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('A socket to wire is not on screen.');
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await mouse.up();
  }

  socket(nodeId: string, side: 'input' | 'output', key: string): Locator {
    return this.node(nodeId).locator(`[data-testid="${side}-${key}"] .socket-ref`);
  }

  /** Drops a file onto the canvas, as dragging it from the desktop does. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content], fileName, { type: 'application/json' }));
        return data;
      },
      [name, text] as const
    );
    const stage = this.page.getByRole('region', { name: 'Graph canvas' });
    await stage.dispatchEvent('dragover', { dataTransfer: transfer });
    await stage.dispatchEvent('drop', { dataTransfer: transfer });
  }
}
