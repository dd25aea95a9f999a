import type { GraphFrame } from './document';
import { frameSchema, MAX_FRAMES } from './schema';

/** A frame the loader dropped, with the field that was wrong and what it must be. */
export interface FrameIssue {
  field: string;
  message: string;
}

/**
 * Checks a file's `frames` one by one, so a malformed frame costs that frame and not the
 * others nor the graph. Frames are notes; no problem with them stops a graph from loading.
 */
export function checkFrames(raw: unknown): { frames: GraphFrame[]; issues: FrameIssue[] } {
  if (!Array.isArray(raw)) {
    return {
      frames: [],
      issues: [{ field: 'frames', message: 'The field "frames" must be a list; it was dropped.' }]
    };
  }
  const frames: GraphFrame[] = [];
  const issues: FrameIssue[] = [];
  const seen = new Set<string>();
  raw.slice(0, MAX_FRAMES).forEach((entry, index) => {
    const parsed = frameSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = ['frames', index, ...issue.path].join('.');
      issues.push({
        field,
        message: `Frame ${index + 1} was dropped: "${field}" ${issue.message.toLowerCase()}.`
      });
    } else if (seen.has(parsed.data.id)) {
      const field = `frames.${index}.id`;
      issues.push({
        field,
        message: `Frame ${index + 1} was dropped: its id "${parsed.data.id}" is used twice.`
      });
    } else {
      seen.add(parsed.data.id);
      frames.push(parsed.data);
    }
  });
  if (raw.length > MAX_FRAMES) {
    issues.push({
      field: 'frames',
      message: `Only the first ${MAX_FRAMES} of ${raw.length} frames were kept.`
    });
  }
  return { frames, issues };
}
