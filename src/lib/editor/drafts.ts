import type { GraphDocument } from '../graph/document';
import { serializeGraph } from '../graph/load';

const DRAFT_KEY = 'kumiki:draft';

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
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The last draft, if one is kept and readable. */
export function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Partial<Draft>;
    if (typeof draft.text !== 'string' || typeof draft.savedAt !== 'number') return null;
    return { text: draft.text, savedAt: draft.savedAt, dirty: draft.dirty !== false };
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
