import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
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
  build: { chunkSizeWarningLimit: 4096 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/graphs/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
});
