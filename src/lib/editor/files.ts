/** Characters that are unsafe in file names on common systems. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** The file name Save uses for a graph titled `title`: `<title>.kumiki.json`. */
export function graphFileName(title: string): string {
  return `${safeBase(title)}.kumiki.json`;
}

/** The file name of a sweep table's CSV for a graph titled `title`: `<title>.sweep.csv`. */
export function sweepFileName(title: string): string {
  return `${safeBase(title)}.sweep.csv`;
}

function safeBase(title: string): string {
  const base = title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return base === '' ? 'graph' : base;
}

/** Offers `text` to the user as a download named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
