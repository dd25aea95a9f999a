import type { Handle } from '@sveltejs/kit';

/** Cross-origin isolation in dev, so the threaded WASM backend of TensorFlow.js can start. */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  return response;
};
