import { writeFileSync } from 'node:fs';
import { REFERENCE_FILE, runReference } from './reference-run';

/** Computes the headless reference once before the browser tests start. */
export default function globalSetup(): void {
  writeFileSync(REFERENCE_FILE, JSON.stringify(runReference()));
}
