import { NodeInputError, type RunContext } from '../../src/lib/graph/node-type';
import type { Diagram, DiagramPairs } from '../../src/lib/graph/values';
import { forEachPair, pairCount } from './pair-loop';

/** The points of one dimension of a diagram: finite ones and births of essential ones. */
export interface DiagramPart {
  birth: number[];
  death: number[];
  essential: number[];
}

/**
 * The number of pairs of a diagram-pairs value, for nodes that compare the two diagrams of each
 * pair; an unpaired collection (second empty, as from `data/points`) is refused with advice.
 */
export function diagramPairCount(value: unknown, socket = 'diagrams'): number {
  return pairCount(
    value,
    socket,
    'diagrams',
    'Connect diagrams made from pairs (such as Takens embeddings of sentence pairs), or compare ' +
      'every diagram with every other with a distance matrix node (topology/distance-matrix).'
  );
}

/** Checks that each point of a diagram has a finite birth and a death at or after it. */
export function checkDiagram(diagram: Diagram, field: string, where: string): void {
  const { dimension, birth, death } = diagram;
  if (birth.length !== dimension.length || death.length !== dimension.length) {
    throw new NodeInputError(
      `Input "${field}" must hold as many births and deaths as dimensions for ${where}; ` +
        `found ${dimension.length} dimensions, ${birth.length} births, ${death.length} deaths.`,
      field
    );
  }

  for (let k = 0; k < birth.length; k++) {
    if (!Number.isFinite(birth[k]) || !(death[k] >= birth[k])) {
      throw new NodeInputError(
        `Input "${field}" must hold points with a finite birth and a death at or after it; ` +
          `point ${k} of ${where} is (${birth[k]}, ${death[k]}).`,
        field
      );
    }
  }
}

/**
 * The points of one homology dimension of a diagram, split into finite points (birth, death)
 * and essential points (death Infinity), of which only the birth is kept.
 */
export function splitPoints(diagram: Diagram, dim: number): DiagramPart {
  const birth: number[] = [];
  const death: number[] = [];
  const essential: number[] = [];
  for (let k = 0; k < diagram.dimension.length; k++) {
    if (diagram.dimension[k] !== dim) continue;
    if (diagram.death[k] === Infinity) essential.push(diagram.birth[k]);
    else {
      birth.push(diagram.birth[k]);
      death.push(diagram.death[k]);
    }
  }
  return { birth, death, essential };
}

/**
 * The gaps |birth − birth′| between the points that never die in two diagram parts, matched by
 * sorted birth (GUDHI's convention); null when their counts differ (the distance is then
 * infinite). Sorts both parts' essential births in place.
 */
export function essentialGaps(pa: DiagramPart, pb: DiagramPart): number[] | null {
  if (pa.essential.length !== pb.essential.length) return null;
  pa.essential.sort((x, y) => x - y);
  pb.essential.sort((x, y) => x - y);
  const gaps: number[] = [];
  for (let k = 0; k < pa.essential.length; k++) {
    gaps.push(Math.abs(pa.essential[k] - pb.essential[k]));
  }
  return gaps;
}

/**
 * One distance per pair of diagrams on the `diagrams` input: checks both diagrams of each pair,
 * then applies `distance`, with the progress and cancel of `forEachPair`.
 */
export async function pairDistances(
  value: unknown,
  context: RunContext,
  distance: (a: Diagram, b: Diagram) => number
): Promise<Float64Array> {
  const diagrams = value as DiagramPairs;
  const distances = new Float64Array(diagramPairCount(diagrams));
  await forEachPair(distances.length, context, (i) => {
    checkDiagram(diagrams.first[i], 'diagrams', `the first diagram of pair ${i}`);
    checkDiagram(diagrams.second[i], 'diagrams', `the second diagram of pair ${i}`);
    distances[i] = distance(diagrams.first[i], diagrams.second[i]);
  });
  return distances;
}
