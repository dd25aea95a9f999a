import { replaceState } from '$app/navigation';
import type { GraphDocument } from '../graph/document';
import { GRAPH_FORMAT, GRAPH_VERSION } from '../graph/document';
import { parseGraph, serializeGraph } from '../graph/load';
import type { GraphProblem } from '../graph/problems';
import { decodeShareFragment, encodeShareFragment } from '../graph/share';
import type { Confirmer } from './confirm.svelte';
import type { DocumentMeta } from './document-bridge';
import { loadDraft } from './drafts';
import { firstExample, type Example } from './examples';
import { downloadText, graphFileName } from './files';
import type { Notices } from './notices.svelte';
import { graphTextOf } from './picture-export';
import { getNodeType } from './registry';

/** Problems found while opening a file, listed until the user dismisses them. */
export interface ProblemReport {
  source: string;
  opened: boolean;
  problems: GraphProblem[];
}

/** What a new graph starts with. */
export const EMPTY_META: DocumentMeta = { title: 'Untitled graph', seed: 0 };

/** The parts of the editor session that opening, saving and sharing a graph use. */
export interface FileSession {
  meta: DocumentMeta;
  dirty: boolean;
  problems: ProblemReport | null;
  fromShareLink: boolean;
  readonly notices: Notices;
  readonly confirmer: Confirmer;
  document(): GraphDocument;
  show(doc: GraphDocument): Promise<void>;
  writeDraft(): void;
}

/** Opens graph file text: as far as it can when it has problems, not at all when broken. */
export function openText(
  s: FileSession,
  text: string,
  source: string,
  notice?: string
): Promise<boolean> {
  return openResult(s, parseGraph(text, source, getNodeType), source, notice);
}

/** Opens a bundled example in the view it was saved with, after asking about unsaved work. */
export async function openExample(s: FileSession, example: Example): Promise<boolean> {
  if (!(await confirmDiscard(s, `open the example "${example.title}"`, 'Discard and open')))
    return false;
  return openText(s, example.text, example.file, `Opened the example "${example.title}".`);
}

/** Opens a graph file the user picked or dropped. */
export async function openFile(s: FileSession, file: File): Promise<boolean> {
  let text: string;
  try {
    text = await graphTextOf(file);
  } catch (error) {
    s.notices.error(`Could not read "${file.name}": ${(error as Error).message}`);
    return false;
  }
  const result = parseGraph(text, file.name, getNodeType);
  if (result.doc && !(await confirmDiscard(s, `open "${file.name}"`, 'Discard and open')))
    return false;
  return openResult(s, result, file.name, `Opened "${file.name}".`);
}

/** Starts an empty graph, after asking when the current one has unsaved changes. */
export async function newGraph(s: FileSession): Promise<boolean> {
  if (!(await confirmDiscard(s, 'start a new graph', 'Discard and start new'))) return false;
  const doc: GraphDocument = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    ...EMPTY_META,
    nodes: [],
    edges: [],
    view: { x: 0, y: 0, zoom: 1 }
  };
  await s.show(doc);
  s.notices.info('New graph. Right-click the canvas or use the palette to add nodes.');
  return true;
}

/** Downloads the graph as `<title slug>.kumiki.json`. */
export function save(s: FileSession): void {
  const doc = s.document();
  try {
    downloadText(serializeGraph(doc), graphFileName(doc.title));
  } catch (error) {
    s.notices.error(`The graph could not be saved: ${(error as Error).message}`);
    return;
  }
  s.dirty = false;
  s.writeDraft();
}

/** Puts the graph into the address as `#g=…` and copies the link. */
export async function share(s: FileSession): Promise<void> {
  const fragment = encodeShareFragment(s.document());
  replaceState(`#${fragment}`, {});
  s.fromShareLink = true;
  const link = location.href;
  try {
    await navigator.clipboard.writeText(link);
    s.notices.info('Share link copied. The graph travels in the link itself.');
  } catch {
    s.notices.show({ tone: 'info', text: 'Copy this share link:', link });
  }
}

/** Opens a share link's fragment, as when a visitor arrives with `#g=…`. */
export async function openShareFragment(s: FileSession, fragment: string): Promise<boolean> {
  const result = decodeShareFragment(fragment, getNodeType);
  const opened = await openResult(s, result, 'share link', 'Opened the graph in the link.');
  s.fromShareLink = opened;
  return opened;
}

/** Opens what the page starts with: a share link, else the draft, else the first example. */
export async function openFirst(s: FileSession): Promise<void> {
  let linkProblems: ProblemReport | null = null;
  if (location.hash.startsWith('#g=')) {
    if (await openShareFragment(s, location.hash)) return;
    linkProblems = s.problems;
  }

  const draft = await loadDraft();
  if (draft && (await openText(s, draft.text, 'draft'))) {
    s.dirty = draft.dirty;
    s.writeDraft();
    const when = new Date(draft.savedAt).toLocaleString();
    s.notices.info(`Restored your draft from ${when}.`);
  } else if (firstExample) {
    await openText(s, firstExample.text, firstExample.file);
  } else {
    await newGraph(s);
  }
  if (linkProblems) s.problems = linkProblems;
}

async function confirmDiscard(
  s: FileSession,
  action: string,
  confirmLabel: string
): Promise<boolean> {
  if (!s.dirty) return true;
  return s.confirmer.ask({
    title: 'Discard unsaved changes?',
    text:
      `"${s.meta.title}" has changes that are not saved in a file. ` +
      `If you ${action} now, they are lost; choose Cancel and Save (Ctrl+S) to keep them.`,
    confirmLabel
  });
}

async function openResult(
  s: FileSession,
  result: ReturnType<typeof parseGraph>,
  source: string,
  notice?: string
): Promise<boolean> {
  const { doc, problems } = result;
  s.problems = problems.length > 0 ? { source, opened: doc !== null, problems } : null;
  if (!doc) return false;
  await s.show(doc);
  if (problems.length === 0 && notice) s.notices.info(notice);
  return true;
}
