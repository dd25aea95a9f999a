import { describeValue } from './bounds';
import { GRAPH_VERSION } from './document';

/**
 * Upgrades of the graph file, one per version: `steps[v]` turns a version-v file into a
 * version v+1 file. Each version has a fixture file under tests/fixtures/graph/migrations/.
 */
const steps: Record<
  number,
  (doc: Record<string, unknown>, notes: MigrationNote[]) => Record<string, unknown>
> = {
  1: fromVersion1
};

/** Something a step dropped or changed that the user should hear about, and where. */
export interface MigrationNote {
  field: string;
  message: string;
}

/**
 * Version 2 adds subgraphs: a top-level `subgraphs` map of definitions, whose instances are
 * nodes of type `subgraph/<id>`. A version-1 reader ignored any `subgraphs` field, so one
 * found in a version-1 file is not a definition list and is dropped rather than read as one.
 * Nothing else changes: every version-1 node, edge, frame and sweep means the same in 2.
 */
function fromVersion1(
  doc: Record<string, unknown>,
  notes: MigrationNote[]
): Record<string, unknown> {
  if (!Object.hasOwn(doc, 'subgraphs')) return doc;
  const { subgraphs: _ignored, ...rest } = doc;
  // Said out loud: otherwise the file's subgraph nodes would name definitions it seems to hold.
  notes.push({
    field: 'subgraphs',
    message:
      'The file has format version 1, which cannot hold subgraphs, so its "subgraphs" field ' +
      'was ignored. If the file was written with subgraphs, set "version" to 2.'
  });
  return rest;
}

/** Brings a parsed graph file to the current version, or says why it cannot. */
export function migrate(
  doc: Record<string, unknown>
): { doc: Record<string, unknown>; notes: MigrationNote[] } | { error: string } {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      error:
        `The field "version" must be a whole number from 1 to ${GRAPH_VERSION}; ` +
        `found ${describeValue(version)}.`
    };
  }
  if (version > GRAPH_VERSION) {
    return {
      error:
        `The field "version" is ${version}: the file has a format version ` +
        `newer than this Kumiki reads (${GRAPH_VERSION}). Update Kumiki to open it.`
    };
  }
  let current = doc;
  const notes: MigrationNote[] = [];
  for (let v = version; v < GRAPH_VERSION; v++) {
    current = { ...steps[v](current, notes), version: v + 1 };
  }
  return { doc: current, notes };
}
