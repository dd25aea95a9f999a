import type { NodeType } from '../src/lib/graph/node-type';
import { correlationNode } from './analysis/correlation';
import { cosineNode } from './analysis/cosine';
import { tsneDistanceNode } from './analysis/tsne';
import { pointsNode } from './data/points';
import { stsbNode } from './data/stsb';
import { distanceNode } from './diffusion/distance-node';
import { forwardNode } from './diffusion/forward-node';
import { mixture1dNode, mixture2dNode } from './diffusion/mixture-nodes';
import { pointsCsvNode } from './diffusion/points-csv';
import { samplerNode } from './diffusion/sampler-node';
import { samplesPlotNode } from './diffusion/samples-plot';
import { scheduleNode } from './diffusion/schedule-node';
import { scoreErrorNode } from './diffusion/score-error-node';
import { ringsNode, swissRollNode, twoMoonsNode } from './diffusion/shapes';
import { trainMlpNode } from './diffusion/train-node';
import { sentenceEmbedNode } from './embed/sentence';
import { vectorsFileNode } from './embed/vectors-file';
import { doublePendulumNode } from './mechanics/double-pendulum-node';
import { pendulumViewNode } from './mechanics/pendulum-view-node';
import { ldnnEvaluateNode, rolloutNode } from './mechanics/eval-nodes';
import { baselineTrainNode, ldnnTrainNode } from './mechanics/train-nodes';
import { diagramPlotNode } from './plot/diagram';
import { scatterNode } from './plot/scatter';
import { environmentFileNode } from './rl/environment-file';
import { cliffWalkingNode, gridworldNode, windyGridworldNode } from './rl/grid-nodes';
import { learningCurvesNode } from './rl/curves';
import { pathGraphNode } from './rl/path-graph-node';
import { tdControlNode } from './rl/td-control';
import { greedyPathNode, qTableNode } from './rl/views';
import { bottleneckNode } from './topology/bottleneck';
import { distanceMatrixNode } from './topology/distance-matrix';
import { persistenceNode } from './topology/persistence';
import { takensNode } from './topology/takens';
import { wassersteinNode } from './topology/wasserstein';

/** Every node type Kumiki knows, in palette order. Ids are stable; renames need a migration. */
export const nodeTypes: readonly NodeType[] = [
  stsbNode,
  pointsNode,
  sentenceEmbedNode,
  vectorsFileNode,
  takensNode,
  persistenceNode,
  wassersteinNode,
  bottleneckNode,
  distanceMatrixNode,
  correlationNode,
  cosineNode,
  tsneDistanceNode,
  pathGraphNode,
  gridworldNode,
  cliffWalkingNode,
  windyGridworldNode,
  environmentFileNode,
  tdControlNode,
  learningCurvesNode,
  greedyPathNode,
  qTableNode,
  mixture1dNode,
  mixture2dNode,
  twoMoonsNode,
  swissRollNode,
  ringsNode,
  pointsCsvNode,
  scheduleNode,
  forwardNode,
  trainMlpNode,
  samplerNode,
  distanceNode,
  scoreErrorNode,
  samplesPlotNode,
  doublePendulumNode,
  pendulumViewNode,
  ldnnTrainNode,
  baselineTrainNode,
  ldnnEvaluateNode,
  rolloutNode,
  scatterNode,
  diagramPlotNode
];

const byType = new Map(nodeTypes.map((t) => [t.type, t]));

/** Finds a node type by its id, such as `topology/takens`. */
export function getNodeType(type: string): NodeType | undefined {
  return byType.get(type);
}
