/**
 * Main-thread work allowed per frame for everything the editor does in slices (run events,
 * mounting node views), in milliseconds. The frame's style, layout and paint come after it:
 * on a software-rendered page those took 20-35 ms in the frames of a large graph's run, so
 * the slices keep well under the 50 ms a task may take before the page feels stuck.
 */
export const FRAME_BUDGET_MS = 10;

/** One slice of work inside a frame; see `frameSlice`. */
export interface FrameSlice {
  /** Whether the slice may do one more step: always for its first step, then while time is left. */
  more(): boolean;
  /** Ends the slice and charges its time to the frame. */
  end(): void;
}

let frameStamp: number | undefined;
let spent = 0;

/**
 * Opens a slice of work in the frame whose animation-frame timestamp is `stamp`. Every
 * animation-frame callback of one frame gets the same timestamp, so slices opened with it
 * share the frame's FRAME_BUDGET_MS: a batch of run events and a slice of mounting that fall
 * in one frame take turns, where each used to take a budget of its own. Work that runs from a
 * timer (a page that paints no frames) passes no stamp and gets a whole budget.
 *
 * A slice may always take one step, so work sharing a busy frame still goes on.
 */
export function frameSlice(stamp?: number): FrameSlice {
  if (stamp === undefined || stamp !== frameStamp) {
    frameStamp = stamp;
    spent = 0;
  }
  const start = performance.now();
  const budget = FRAME_BUDGET_MS - spent;
  let steps = 0;
  return {
    more() {
      return steps++ === 0 || performance.now() - start < budget;
    },
    end() {
      spent += performance.now() - start;
    }
  };
}

/** Resolves in a task of its own, so the page may paint and handle input before it. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
