import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';

/**
 * The app's Content-Security-Policy forbids inline script and eval (docs/security.md); the
 * browser test checks it holds through a real run, this one that nobody loosened it.
 */
describe('Content-Security-Policy', () => {
  const directives = config.kit!.csp!.directives!;

  it('allows scripts from the app itself only, plus WASM compilation', () => {
    expect(config.kit!.csp!.mode).toBe('hash');
    expect(directives['script-src']).toEqual(['self', 'wasm-unsafe-eval']);
    expect(directives['worker-src']).toEqual(['self']);
    expect(directives['connect-src']).toEqual(['self']);
    expect(directives['object-src']).toEqual(['none']);
  });

  it('is written into the static page, when one was built, without unsafe-inline script', () => {
    if (!existsSync('build/index.html')) return;
    const page = readFileSync('build/index.html', 'utf-8');
    const policy = /http-equiv="content-security-policy" content="([^"]+)"/.exec(page)?.[1];
    const scriptSrc = policy
      ?.split(';')
      .find((d) => d.trim().startsWith('script-src'))
      ?.trim();
    expect(scriptSrc).toMatch(/^script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'$/);
  });
});
