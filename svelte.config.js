import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ fallback: 'index.html' }),
    /**
     * The Content-Security-Policy of the app (docs/security.md). Scripts come only from the
     * app's own origin, plus SvelteKit's own inline start-up script, which it allows by its
     * hash: no other inline script, no eval. 'wasm-unsafe-eval' lets TensorFlow.js compile
     * its WASM backend; workers are module scripts from the same origin. Styles may be inline
     * because Svelte and Rete set element styles; images may be data: and blob: URLs (plots,
     * previews). The static build writes the policy as a <meta> tag, which cannot carry
     * frame-ancestors; `vite preview` and `vite dev` send it as a header.
     */
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
