import { defineConfig } from '@playwright/test';

/** Flags for Debian's Chromium in a headless box: no network chatter, WebGL through SwiftShader. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader'
];

/**
 * End-to-end tests drive the built app (`npm run build` first) in Debian's Chromium, served
 * by `vite preview`. One worker: the suite shares a small machine.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.KUMIKI_CHROMIUM ?? '/usr/bin/chromium',
      args: chromiumArgs
    }
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: false,
      timeout: 60_000
    },
    {
      // The README's first command runs the dev server; tests/e2e/dev-server.spec.ts uses it.
      command: 'npx vite dev --host 127.0.0.1 --port 5174 --strictPort',
      url: 'http://127.0.0.1:5174',
      reuseExistingServer: false,
      timeout: 120_000
    }
  ]
});
