/** An example graph bundled with Kumiki. */
export interface Example {
  /** The file name in graphs/, such as `takens-stsb.json`. */
  file: string;
  title: string;
  /** The graph's own description, empty when it has none. */
  description: string;
  /** How many nodes the graph has; 0 when the file cannot be read. */
  nodeCount: number;
  /** Whether the graph carries a sweep. */
  sweep: boolean;
  text: string;
}

const files = import.meta.glob('/graphs/*.json', {
  eager: true,
  query: '?raw',
  import: 'default'
}) as Record<string, string>;

/** The example graphs in graphs/, by title. */
export const examples: readonly Example[] = Object.entries(files)
  .map(([path, text]) => ({ file: path.split('/').pop()!, ...summaryOf(text, path), text }))
  .sort((a, b) => a.title.localeCompare(b.title));

/** The example a first visit opens: the Takens + persistence pipeline when it is bundled. */
export const firstExample: Example | undefined =
  examples.find((e) => e.file === 'takens-stsb.json') ?? examples[0];

function summaryOf(text: string, path: string) {
  const fallback = { title: path.split('/').pop()!, description: '', nodeCount: 0, sweep: false };
  try {
    const doc = JSON.parse(text) as Record<string, unknown>;
    const title = typeof doc.title === 'string' && doc.title.trim() !== '' ? doc.title : null;
    return {
      title: title ?? fallback.title,
      description: typeof doc.description === 'string' ? doc.description : '',
      nodeCount: Array.isArray(doc.nodes) ? doc.nodes.length : 0,
      sweep: doc.sweep !== undefined
    };
  } catch {
    // A broken example is reported when it is opened; its file name stands in for a title.
    return fallback;
  }
}
