import type { GraphDocument } from '../graph/document';
import { serializeGraph } from '../graph/load';
import type { NodeType } from '../graph/node-type';
import { graphPicture } from './graph-picture';
import { embedText, GRAPH_KEYWORD, readText } from './png-text';
import { downloadBlob, graphFileName } from './files';
import { MAX_GRAPH_CHARS } from '../graph/bounds';
import { svgToPng } from './svg-image';

/** Largest side of the PNG in pixels; bigger graphs are drawn smaller to fit. */
const MAX_SIDE = 4000;

/**
 * Downloads a PNG picture of the graph that also carries the graph file in an iTXt chunk, so
 * dropping the picture onto Kumiki opens the graph. Returns the file name.
 */
export async function downloadGraphPicture(
  doc: GraphDocument,
  lookup: (type: string) => NodeType | undefined
): Promise<string> {
  const { svg, width, height } = graphPicture(doc, lookup);
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const png = await svgToPng(svg, Math.round(width * scale), Math.round(height * scale));
  const bytes = new Uint8Array(await png.arrayBuffer());
  const withGraph = embedText(bytes, GRAPH_KEYWORD, serializeGraph(doc));
  const name = graphFileName(doc.title).replace(/\.json$/, '.png');
  downloadBlob(new Blob([withGraph as BlobPart], { type: 'image/png' }), name);
  return name;
}

/**
 * The graph file text in a picked or dropped file: the file's own text, or for a PNG the
 * graph it carries. Throws a sentence a person can act on when a PNG carries no graph.
 */
export async function graphTextOf(file: File): Promise<string> {
  // UTF-8 takes at most 4 bytes a character: a larger file is over the bound without reading
  // it, so a stranger's 100 MB file never lands in the tab's memory.
  if (file.size > 4 * MAX_GRAPH_CHARS) {
    throw new Error(
      `it is ${megabytes(file.size)} MB; a graph file has at most ` +
        `${MAX_GRAPH_CHARS.toLocaleString('en')} characters (E_TOO_LARGE).`
    );
  }
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head[0] !== 0x89 || head[1] !== 0x50) return file.text();
  const text = readText(new Uint8Array(await file.arrayBuffer()), GRAPH_KEYWORD);
  if (text === null)
    throw new Error(
      'this PNG carries no Kumiki graph. Only pictures saved with "Save PNG" hold one.'
    );
  return text;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
