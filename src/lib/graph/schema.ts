import { z } from 'zod';
import { GRAPH_FORMAT, GRAPH_VERSION } from './document';

/** Node ids: short, readable, safe in file names and in `--set node.param=value`. */
export const NODE_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

// Zod compiles fast validators with `new Function` when it may; the app's Content-Security-
// Policy forbids that, and even zod's probe for it would be reported as a violation.
z.config({ jitless: true });

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** How far from the origin a node may sit, in canvas units; further out the canvas cannot draw. */
export const MAX_COORDINATE = 1_000_000;
const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);

/** A node's place on the canvas. */
export const positionSchema = z.object({ x: coordinate, y: coordinate });

const paramValue = z.union([z.number(), z.string().max(100_000), z.boolean()]);

/** One node of a graph file. Params are checked later against the node type's specs. */
export const nodeSchema = z.object({
  id: z.string().regex(NODE_ID_PATTERN, 'must start with a letter and use letters, digits, _ or -'),
  type: z.string().min(1).max(200),
  version: z.number().int().min(1),
  params: z.record(z.string(), paramValue).default({}),
  position: positionSchema,
  label: z.string().max(500).optional()
});

/**
 * What a node entry must have for the loader to keep it: id, type and version. Params, position
 * and label are checked one by one, so a bad value costs that value, not the node.
 */
export const nodeCoreSchema = nodeSchema.extend({
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.unknown().optional(),
  label: z.unknown().optional()
});

/** One edge of a graph file. */
export const edgeSchema = z.object({
  from: z.object({ node: z.string(), output: z.string() }),
  to: z.object({ node: z.string(), input: z.string() })
});

/** A sweep over one or two numeric params, collecting one output per cell. */
export const sweepSchema = z.object({
  axes: z
    .array(
      z.object({
        node: z.string(),
        param: z.string(),
        values: z.array(finite).min(1).max(1000)
      })
    )
    .min(1)
    .max(2),
  target: z.object({ node: z.string(), output: z.string() })
});

/** What the canvas showed when the file was saved. */
export const viewSchema = z.object({ x: finite, y: finite, zoom: finite.refine((v) => v > 0) });

/** The smallest and largest side of a frame, in canvas units. */
export const MIN_FRAME_SIDE = 40;
const frameSide = z.number().min(MIN_FRAME_SIDE).max(MAX_COORDINATE);

/** A comment frame: title and text are plain text; the canvas never reads them as HTML. */
export const frameSchema = z.object({
  id: z.string().regex(NODE_ID_PATTERN, 'must start with a letter and use letters, digits, _ or -'),
  title: z.string().max(500),
  text: z.string().max(10_000),
  position: positionSchema,
  size: z.object({ width: frameSide, height: frameSide })
});

/** At most this many frames are kept from a file. */
export const MAX_FRAMES = 1000;

/** Socket and exposed param names of a subgraph node: short, plain, as param names are. */
export const PORT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const portName = z
  .string()
  .regex(PORT_NAME_PATTERN, 'must start with a letter and use letters, digits, _ or -');

/** An input of a subgraph node and the inner inputs it feeds. */
export const subgraphInputSchema = z.object({
  name: portName,
  targets: z
    .array(z.object({ node: z.string(), input: z.string() }))
    .min(1)
    .max(100)
});

/** An output of a subgraph node and the inner output that gives it. */
export const subgraphOutputSchema = z.object({
  name: portName,
  from: z.object({ node: z.string(), output: z.string() })
});

/** An inner param shown on the subgraph node. */
export const subgraphParamSchema = z.object({
  name: portName,
  node: z.string(),
  param: z.string()
});

/** A subgraph definition; its nodes and edges are checked as a graph's are. */
export const subgraphSchema = z.object({
  title: z.string().min(1).max(500),
  description: z.string().max(10_000).optional(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  inputs: z.array(subgraphInputSchema),
  outputs: z.array(subgraphOutputSchema),
  params: z.array(subgraphParamSchema)
});

/** What a definition must have for the loader to look inside; the parts are checked one by one. */
export const subgraphCoreSchema = subgraphSchema.extend({
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
  inputs: z.array(z.unknown()),
  outputs: z.array(z.unknown()),
  params: z.array(z.unknown())
});

/** At most this many subgraph definitions are read from a file. */
export const MAX_SUBGRAPHS = 1000;

/** The graph's description, shown under its title. */
export const descriptionSchema = z.string().max(10_000);

/** The shape of a Kumiki graph file, version 2; `docs/graph.schema.json` is generated from it. */
export const graphSchema = z.object({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION),
  title: z.string().max(500),
  description: descriptionSchema.optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  view: viewSchema.optional(),
  sweep: sweepSchema.optional(),
  frames: z.array(frameSchema).max(MAX_FRAMES).optional(),
  subgraphs: z
    .record(z.string().regex(NODE_ID_PATTERN), subgraphSchema)
    .optional()
    .describe('Subgraph definitions by id; a node of type "subgraph/<id>" is an instance.')
});

/**
 * The top level only, so one bad node or edge does not hide the rest of the file. The view
 * and description are checked on their own: a bad one is dropped, not the graph.
 */
export const envelopeSchema = graphSchema.extend({
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
  description: z.unknown().optional(),
  view: z.unknown().optional(),
  sweep: z.unknown().optional(),
  frames: z.unknown().optional(),
  subgraphs: z.unknown().optional()
});

/** The JSON Schema (draft 2020-12) of the graph file, for other tools and editors. */
export function graphJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(graphSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $id: 'https://kumiki.invalid/graph.schema.json',
    title: 'Kumiki graph file',
    ...schema
  };
}
