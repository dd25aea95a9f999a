/** The actions the keyboard can trigger. */
export type ShortcutAction =
  | 'save'
  | 'open'
  | 'run'
  | 'runSelected'
  | 'stop'
  | 'undo'
  | 'redo'
  | 'delete'
  | 'arrange'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'help'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'nextNode'
  | 'previousNode'
  | 'group'
  | 'expand'
  | 'openSubgraph'
  | 'closeSubgraph';

/** The shortcut of each action, as the toolbar's tooltips show it. */
export const SHORTCUT_HINTS: Record<ShortcutAction, string> = {
  save: 'Ctrl+S',
  open: 'Ctrl+O',
  run: 'Ctrl+Enter',
  runSelected: 'Ctrl+Shift+Enter',
  stop: 'Escape',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  delete: 'Delete',
  arrange: 'Ctrl+Shift+A',
  zoomIn: '+',
  zoomOut: '−',
  fit: 'F',
  help: '?',
  copy: 'Ctrl+C',
  cut: 'Ctrl+X',
  paste: 'Ctrl+V',
  duplicate: 'Ctrl+D',
  selectAll: 'Ctrl+A',
  nextNode: ']',
  previousNode: '[',
  group: 'Ctrl+G',
  expand: 'Ctrl+Shift+G',
  openSubgraph: 'Enter',
  closeSubgraph: 'Alt+↑'
};

/** What each action does, in the words the help overlay lists them with. */
export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  save: 'Save the graph as a file',
  open: 'Open a graph file',
  run: 'Run the graph (refused while a run is going)',
  runSelected: 'Run the selected nodes and what feeds them',
  stop: 'Stop the run or sweep',
  undo: 'Undo',
  redo: 'Redo (also Ctrl+Y)',
  delete: 'Delete the selected nodes (also Backspace)',
  arrange: 'Arrange the selected nodes, or all',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit the graph into view',
  help: 'Show or hide this list of shortcuts',
  copy: 'Copy the selected nodes and the edges between them',
  cut: 'Cut the selected nodes',
  paste: 'Paste nodes (also from another tab)',
  duplicate: 'Duplicate the selected nodes',
  selectAll: 'Select every node',
  nextNode: 'Select the next node and bring it into view',
  previousNode: 'Select the previous node and bring it into view',
  group: 'Group the selected nodes into a subgraph node',
  expand: 'Expand the selected subgraph node back into its nodes',
  openSubgraph: 'Open the selected subgraph node (also double-click it)',
  closeSubgraph: 'Leave the open subgraph for the graph around it'
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
  if (command && key === 'enter') return event.shiftKey ? 'runSelected' : 'run';
  if (key === 'escape' && !typing) return 'stop';
  if (typing) return null;

  if (command && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (command && key === 'y') return 'redo';
  if (command && event.shiftKey && key === 'a') return 'arrange';
  if (command && key === 'a') return 'selectAll';
  if (command && key === 'c') return 'copy';
  if (command && key === 'x') return 'cut';
  if (command && key === 'v') return 'paste';
  if (command && key === 'd') return 'duplicate';
  if (command && key === 'g') return event.shiftKey ? 'expand' : 'group';
  if (event.altKey && key === 'arrowup') return 'closeSubgraph';
  if (!command && key === 'enter' && !isControl(event.target)) return 'openSubgraph';
  if (!command && (key === 'delete' || key === 'backspace')) return 'delete';
  if (command || event.altKey) return null;
  if (key === '+' || key === '=') return 'zoomIn';
  if (key === '-') return 'zoomOut';
  if (key === 'f') return 'fit';
  if (event.key === '?') return 'help';
  if (key === ']') return 'nextNode';
  if (key === '[') return 'previousNode';
  return null;
}

/** Whether Enter on `target` already means something (a button, link or form field). */
function isControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a, input, select, textarea, summary, [role="button"]') !== null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'file', 'range'].includes(target.type);
}

/**
 * Keys that act on the control holding the keyboard focus rather than on the whole page
 * (the components handle them): the keys, where the focus is, and what they do. The help
 * overlay lists them after the page's shortcuts.
 */
export const FOCUS_KEYS: readonly (readonly [keys: string, where: string, effect: string])[] = [
  ['Tab', 'anywhere', 'Move between controls; the first Tab offers "Skip to the graph"'],
  ['] or [', 'on the canvas', 'Select a node and focus it; Tab goes on to its sockets and params'],
  [
    'Arrow keys',
    'on a focused node',
    'Move the selected nodes by 10 (with Shift, by 50); a held key is one undo step'
  ],
  ['Shift+F10 or Menu key', 'on the canvas', 'Add a node from a menu, in the middle of the view'],
  ['Shift+F10 or Menu key', 'on a focused node', "Open the node's menu (group, expand, delete)"],
  ['Enter', 'on ⇢ or ⇠ beside a socket', 'List what it can be wired to, and its edges to remove'],
  ['↑ ↓ Home End', 'in a menu', 'Walk the entries; Enter chooses one, Escape closes the menu'],
  ['Type, then Enter', 'in the add-node menu', 'Narrow the list; Enter adds the first match'],
  ['↑ ↓ Home End', 'in the node palette', 'Walk the node types (one Tab stop); Enter adds one'],
  ['Arrow keys', 'on a frame handle ⠿', 'Move the frame and the nodes inside it by 10'],
  ['Shift+arrow keys', 'on a frame handle', 'Move it by 50'],
  ['Alt+arrow keys', 'on a frame handle', 'Resize the frame (arrows on its corner handle do too)'],
  ['Enter', 'on a frame handle', "Edit the frame's title"],
  ['Delete', 'on a frame handle', 'Remove the frame'],
  ['← → Home End', 'on a plot', 'Pick its points from left to right (Page keys by ten)'],
  ['+ − 0', 'on a plot', 'Zoom in around the picked point, out, and back to the whole plot'],
  ['Escape', 'in a dialog or menu', 'Close it; the focus goes back to where it was']
];
