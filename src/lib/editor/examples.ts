/** An example graph bundled with Kumiki. */
export interface Example {
  /** The file name in graphs/, such as `takens-stsb.json`. */
  file: string;
  title: string;
  text: string;
}

const files = import.meta.glob('/graphs/*.json', {
  eager: true,
  query: '?raw',
  import: 'default'
}) as Record<string, string>;

/** The example graphs in graphs/, by title. */
export const examples: readonly Example[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.split('/').pop()!, title: titleOf(text, path), text }))
  .sort((a, b) => a.title.localeCompare(b.title));

/** The example a first visit opens: the Takens + persistence pipeline when it is bundled. */
export const firstExample: Example | undefined =
  examples.find((e) => e.file === 'takens-stsb.json') ?? examples[0];

function titleOf(text: string, path: string): string {
  try {
    const title = (JSON.parse(text) as { title?: unknown }).title;
    if (typeof title === 'string' && title.trim() !== '') return title;
  } catch {
    // A broken example is reported when it is opened; its file name stands in for a title.
  }
  return path.split('/').pop()!;
}
