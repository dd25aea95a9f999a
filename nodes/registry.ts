import type { NodeType } from '../src/lib/graph/node-type';
import { correlationNode } from './analysis/correlation';
import { cosineNode } from './analysis/cosine';
import { tsneDistanceNode } from './analysis/tsne';
import { stsbNode } from './data/stsb';
import { sentenceEmbedNode } from './embed/sentence';
import { vectorsFileNode } from './embed/vectors-file';
import { scatterNode } from './plot/scatter';
import { bottleneckNode } from './topology/bottleneck';
import { persistenceNode } from './topology/persistence';
import { takensNode } from './topology/takens';
import { wassersteinNode } from './topology/wasserstein';

/** Every node type Kumiki knows, in palette order. Ids are stable; renames need a migration. */
export const nodeTypes: readonly NodeType[] = [
  stsbNode,
  sentenceEmbedNode,
  vectorsFileNode,
  takensNode,
  persistenceNode,
  wassersteinNode,
  bottleneckNode,
  correlationNode,
  cosineNode,
  tsneDistanceNode,
  scatterNode
];

const byType = new Map(nodeTypes.map((t) => [t.type, t]));

/** Finds a node type by its id, such as `topology/takens`. */
export function getNodeType(type: string): NodeType | undefined {
  return byType.get(type);
}
