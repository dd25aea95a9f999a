/** Something whose image address is worked out when first read, such as a plot's thumbnail. */
export interface LazyImage {
  readonly src: string;
}

interface Job {
  image: LazyImage;
  show: (url: string) => void;
  fail: (message: string) => void;
  cancelled: boolean;
}

/**
 * How long one image may take to decode before the next one starts anyway; a broken image
 * rejects at once, this only guards against a decode that never settles.
 */
const DECODE_WAIT_MS = 500;

/** How long the next image waits for a frame when the page paints none, in milliseconds. */
const FRAME_WAIT_MS = 100;

const waiting: Job[] = [];
let draining = false;

/**
 * Hands plot images to the page one at a time. A plot is an SVG document, and the browser
 * parses, styles and lays it out on the main thread the first time an image shows it: a
 * persistence diagram costs a few milliseconds, and the end of a run on a large graph made
 * about forty at once (one 90 ms task). Here each image is drawn, decoded off-screen and only
 * then shown, and the next waits until a frame has painted it: the first paint of an SVG image
 * costs a few milliseconds more, and images shown one per task still met in one frame.
 * A plot that cannot be drawn is reported to `fail` with the reason. Returns a function that
 * drops the request (the image left the page).
 */
export function paceImage(
  image: LazyImage,
  show: (url: string) => void,
  fail: (message: string) => void
): () => void {
  const job: Job = { image, show, fail, cancelled: false };
  waiting.push(job);
  if (!draining) void drain();
  return () => {
    job.cancelled = true;
  };
}

async function drain(): Promise<void> {
  draining = true;
  try {
    for (let job = waiting.shift(); job; job = waiting.shift()) {
      if (job.cancelled) continue;
      try {
        const url = job.image.src;
        await decoded(url);
        if (!job.cancelled) job.show(url);
      } catch (error) {
        // One plot that cannot be drawn says so in its place; the others still get theirs.
        job.fail(error instanceof Error ? error.message : String(error));
      }
      await afterFrame();
    }
  } finally {
    draining = false;
  }
}

/**
 * Decodes `url` in an image that is not on the page; the page's own image with the same
 * address then reuses the parsed document (the browser keeps a list of available images).
 */
async function decoded(url: string): Promise<void> {
  const probe = new Image();
  probe.src = url;
  const late = new Promise((resolve) => setTimeout(resolve, DECODE_WAIT_MS));
  await Promise.race([probe.decode().catch(() => undefined), late]);
}

/** Resolves in a task after the page's next frame, or after FRAME_WAIT_MS if none comes. */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    globalThis.requestAnimationFrame?.(go);
    setTimeout(go, FRAME_WAIT_MS);
  });
}
