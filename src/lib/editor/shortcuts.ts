/** The actions the keyboard can trigger. */
export type ShortcutAction =
  | 'save'
  | 'open'
  | 'run'
  | 'stop'
  | 'undo'
  | 'redo'
  | 'delete'
  | 'arrange'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit';

/** The shortcut of each action, as the toolbar's tooltips show it. */
export const SHORTCUT_HINTS: Record<ShortcutAction, string> = {
  save: 'Ctrl+S',
  open: 'Ctrl+O',
  run: 'Ctrl+Enter',
  stop: 'Escape',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  delete: 'Delete',
  arrange: 'Ctrl+Shift+A',
  zoomIn: '+',
  zoomOut: '−',
  fit: 'F'
};

/**
 * Which action a key press asks for, or null. Inside a text field only the commands that do
 * not edit text (save, open, run, stop) are taken, so typing and the field's own undo work.
 */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  const command = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const typing = isTextField(event.target);

  if (command && key === 's') return 'save';
  if (command && key === 'o') return 'open';
  if (command && key === 'enter') return 'run';
  if (key === 'escape' && !typing) return 'stop';
  if (typing) return null;

  if (command && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (command && key === 'y') return 'redo';
  if (command && event.shiftKey && key === 'a') return 'arrange';
  if (!command && (key === 'delete' || key === 'backspace')) return 'delete';
  if (command || event.altKey) return null;
  if (key === '+' || key === '=') return 'zoomIn';
  if (key === '-') return 'zoomOut';
  if (key === 'f') return 'fit';
  return null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'file', 'range'].includes(target.type);
}
