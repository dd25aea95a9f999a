import type { Params } from './node-type';
import type { SubgraphDefinition } from './subgraph';

/** The format name every Kumiki graph file carries. */
export const GRAPH_FORMAT = 'kumiki-graph';

/** The graph file version this build writes; older versions load through migrations. */
export const GRAPH_VERSION = 2;

/** A node placed on the canvas. */
export interface GraphNode {
  /** Unique within the graph; letters, digits, `_` and `-`. */
  id: string;
  /** A registered node type id such as `topology/takens`. */
  type: string;
  /** The version of the node type this node was saved with. */
  version: number;
  params: Params;
  position: { x: number; y: number };
  /** Shown as plain text on the canvas, never as HTML. */
  label?: string;
}

/** An edge from one node's output socket to another node's input socket. */
export interface GraphEdge {
  from: { node: string; output: string };
  to: { node: string; input: string };
}

/** What the canvas showed when the file was saved. */
export interface GraphView {
  x: number;
  y: number;
  zoom: number;
}

/** One axis of a sweep: a numeric param of one node and the values it takes. */
export interface SweepAxis {
  node: string;
  param: string;
  values: number[];
}

/**
 * A sweep: the graph is run once per cell of the grid spanned by one or two axes, and the
 * value of `target` (a correlation or a single number) is collected into a table. Each cell is
 * an independent job addressed by its index, row-major over the axes.
 */
export interface SweepSpec {
  axes: SweepAxis[];
  target: { node: string; output: string };
}

/**
 * A comment frame on the canvas: a titled box of notes drawn behind nodes. Frames carry no
 * data and never run; title and text are plain text, never HTML.
 */
export interface GraphFrame {
  /** Unique among the graph's frames; same form as a node id. */
  id: string;
  title: string;
  text: string;
  /** The top-left corner, in canvas units. */
  position: { x: number; y: number };
  size: { width: number; height: number };
}

/** A Kumiki graph file, version 2 (version 1 had no `subgraphs`). */
export interface GraphDocument {
  format: typeof GRAPH_FORMAT;
  /** GRAPH_VERSION once loaded (older files are migrated); a plain number so tests and
   * tools that build graphs by hand need not follow each bump. */
  version: number;
  title: string;
  description?: string;
  /** The seed of the run's random source. */
  seed: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  view?: GraphView;
  sweep?: SweepSpec;
  /** Comment frames; optional, so files written before frames existed still load. */
  frames?: GraphFrame[];
  /**
   * Subgraph definitions by id, stored once; a node of type `subgraph/<id>` is an instance.
   * Optional, so graphs without subgraphs read as before.
   */
  subgraphs?: Record<string, SubgraphDefinition>;
}
