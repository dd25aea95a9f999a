import type { GraphDocument } from '../graph/document';
import { serializeGraph } from '../graph/load';

/** Drafts are kept per tab under this prefix; `kumiki:draft` alone is the one-tab key of old. */
const DRAFT_PREFIX = 'kumiki:draft:';
const OLD_DRAFT_KEY = 'kumiki:draft';
/** Drafts of closed tabs kept besides the newest, oldest dropped first. */
const KEPT_ORPHANS = 10;

/**
 * This tab's id, kept in sessionStorage so a reload of the tab finds its own draft again, and
 * the Web Lock a live tab holds under it, so other tabs can tell a closed tab's draft (free to
 * take over) from an open tab's (never touched). Two tabs editing different graphs therefore
 * never overwrite each other's drafts.
 */
let tab: string | undefined;

/** A new random tab id, remembered for reloads of this tab. */
function newTabId(): string {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    sessionStorage.setItem('kumiki:tab', id);
  } catch {
    // Without sessionStorage a reload gets a new id and finds its draft as a closed tab's.
  }
  return id;
}

/** Takes the Web Lock of `id` for as long as the page lives; false when another tab has it. */
function holdTabLock(id: string): Promise<boolean> {
  if (!globalThis.navigator?.locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(`kumiki:tab:${id}`, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise<never>(() => {}) : undefined;
    });
  });
}

/**
 * Settles this tab's id before its first draft is read: the id this tab had before a reload,
 * unless another open tab holds it (a duplicated tab copies sessionStorage), then a new one.
 */
async function claimTab(): Promise<string> {
  if (tab) return tab;
  let id: string | null = null;
  try {
    id = sessionStorage.getItem('kumiki:tab');
  } catch {
    id = null;
  }
  if (!id || !(await holdTabLock(id))) {
    id = newTabId();
    await holdTabLock(id);
  }
  tab = id;
  return id;
}

const ownKey = () => `${DRAFT_PREFIX}${tab ?? (tab = newTabId())}`;

/** A draft kept in the browser: the graph file's text and when it was written. */
export interface Draft {
  text: string;
  savedAt: number;
  /** Whether the draft held changes not saved to a file; drafts written before this say so. */
  dirty: boolean;
}

/** What the editor says when a draft cannot be kept (storage full, blocked or failing). */
export const DRAFT_NOT_KEPT =
  "This browser's storage is full or blocked, so your changes are not being kept as a draft. " +
  'Save the graph to a file (Ctrl+S) to keep your work.';

/**
 * Keeps the graph being edited in localStorage, apart from any saved file, so a reload or a
 * crash loses nothing. Storage may be full or blocked; then it returns false, and the editor
 * tells the user (DRAFT_NOT_KEPT).
 */
export function saveDraft(doc: GraphDocument, dirty: boolean): boolean {
  try {
    const draft: Draft = { text: serializeGraph(doc), savedAt: Date.now(), dirty };
    localStorage.setItem(ownKey(), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The draft kept under `key`, if it is there and readable. */
function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.text !== 'string' || typeof draft.savedAt !== 'number') return null;
    return { text: draft.text, savedAt: draft.savedAt, dirty: draft.dirty !== false };
  } catch {
    return null;
  }
}

/**
 * The draft this tab should start from: its own after a reload; else the newest draft of a
 * tab that is no longer open (closed or crashed), which this tab then takes over; never the
 * draft of a tab still open. Older drafts of closed tabs beyond KEPT_ORPHANS are dropped.
 */
export async function loadDraft(): Promise<Draft | null> {
  await claimTab();
  const own = readDraft(ownKey());
  if (own) return own;
  try {
    const held = new Set(
      ((await navigator.locks?.query())?.held ?? []).map((lock) => lock.name ?? '')
    );
    const orphans = Object.keys(localStorage)
      .filter((key) => key === OLD_DRAFT_KEY || key.startsWith(DRAFT_PREFIX))
      .filter((key) => !held.has(`kumiki:tab:${key.slice(DRAFT_PREFIX.length)}`))
      .map((key) => ({ key, draft: readDraft(key) }))
      .sort((a, b) => (b.draft?.savedAt ?? 0) - (a.draft?.savedAt ?? 0));
    for (const { key } of orphans.slice(KEPT_ORPHANS + 1)) localStorage.removeItem(key);
    const newest = orphans[0];
    if (!newest?.draft) return null;
    localStorage.setItem(ownKey(), localStorage.getItem(newest.key)!);
    localStorage.removeItem(newest.key);
    return newest.draft;
  } catch {
    return null;
  }
}

/** Calls `save` at most once per `ms`, always with the latest call's argument. */
export function debounce(save: () => void, ms: number): { call(): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    save();
  };
  return {
    call() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(flush, ms);
    },
    flush
  };
}
