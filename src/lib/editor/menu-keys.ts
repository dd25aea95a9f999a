import type { KumikiArea } from './schemes';

/** How long after the menu key the browser's own menu event for it is ignored, in ms. */
const ECHO_MS = 500;

/** Whether `event` is the key that opens a context menu: the Menu key or Shift+F10. */
export function isMenuKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10');
}

/** Whether `target` is a control people type or pick in: a text field, a list, an editor. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
    null
  );
}

/**
 * Opens the canvas's context menu from the keyboard, as a right-click does. On the focused
 * canvas the Menu key or Shift+F10 opens the add-node menu in the middle of the view (a node
 * chosen there lands in the middle); on a focused node (] and [ focus one), that node's menu,
 * over its title. Keys in a node's controls keep their usual meaning. Returns how to stop.
 */
export function openMenuByKeys(area: KumikiArea): () => void {
  const container = area.container;
  let opened = -Infinity;

  const onkeydown = (event: KeyboardEvent) => {
    const target = event.target;
    if (!isMenuKey(event) || !(target instanceof HTMLElement) || target === document.body) return;
    const onNode = target.dataset.testid === 'node' && container.contains(target);
    if (!onNode && !target.contains(container)) return;
    event.preventDefault();

    const view = onNode ? area.nodeViews.get(target.dataset.nodeId ?? '')?.element : container;
    if (!view) return;
    const box = (onNode ? target : container).getBoundingClientRect();
    const x = onNode ? box.left + Math.min(box.width / 2, 60) : box.left + box.width / 2;
    const y = onNode ? box.top + Math.min(box.height / 2, 30) : box.top + box.height / 2;
    // Sent to the element Rete listens on, and no further: a sent event reaches the canvas
    // before Rete's handler, which runs later, could stop it, and the canvas would open its
    // own menu over the node's.
    const open = new MouseEvent('contextmenu', { cancelable: true, clientX: x, clientY: y });
    area.area.setPointerFrom(open);
    opened = performance.now();
    view.dispatchEvent(open);
  };

  // Some browsers answer the key with a menu event of their own; the one sent above stands.
  // In a node's text field or list the browser's own menu (cut, copy, paste) is the one
  // wanted, from the key or the mouse: the canvas's menus never hear of it.
  const onbrowsermenu = (event: MouseEvent) => {
    if (event.isTrusted && isEditable(event.target)) {
      event.stopImmediatePropagation();
      return;
    }
    if (!event.isTrusted || performance.now() - opened > ECHO_MS) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  document.addEventListener('keydown', onkeydown);
  container.addEventListener('contextmenu', onbrowsermenu, { capture: true });
  return () => {
    document.removeEventListener('keydown', onkeydown);
    container.removeEventListener('contextmenu', onbrowsermenu, { capture: true });
  };
}
