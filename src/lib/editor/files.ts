import { MAX_DATA_FILE_BYTES } from '../engine/host';

/**
 * A picked data file's bytes, or only its size when it is over the engine's bound: the page
 * never reads a file the engine would refuse, and the node still says which file and how big.
 */
export async function bytesOrSize(file: Blob): Promise<Uint8Array | number> {
  if (file.size > MAX_DATA_FILE_BYTES) return file.size;
  return new Uint8Array(await file.arrayBuffer());
}

/** The file name Save uses for a graph titled `title`: `<slug>.kumiki.json`. */
export function graphFileName(title: string): string {
  return `${fileSlug(title)}.kumiki.json`;
}

/** The file name of a sweep table's CSV for a graph titled `title`: `<slug>.sweep.csv`. */
export function sweepFileName(title: string): string {
  return `${fileSlug(title)}.sweep.csv`;
}

/**
 * A title as a plain file name stem: lowercase ASCII letters, digits and single hyphens
 * ("Lagrange–Dirac, Élan" → "lagrange-dirac-elan"), so the name needs no quoting in a shell
 * and survives every file system. Accents are dropped rather than the letters; a title with
 * nothing left becomes "graph".
 */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 100)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'graph' : slug;
}

/** Offers `text` to the user as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Offers `blob` to the user as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The first file in a drop, if the drop carries files. */
export function droppedFile(event: DragEvent): File | null {
  const files = event.dataTransfer?.files;
  return files && files.length > 0 ? files[0] : null;
}

/** Whether a drag carries files (and so may be a graph file to open). */
export function dragHasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}
