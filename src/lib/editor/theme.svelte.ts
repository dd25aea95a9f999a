/** The theme a person picked: follow the system, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'kumiki.theme';
const ORDER: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/**
 * The page's colour theme. It follows `prefers-color-scheme` until the person picks light or
 * dark with the toolbar button; the pick is remembered in this browser.
 */
export class Theme {
  choice: ThemeChoice = $state('system');
  systemDark = $state(false);

  /** The theme in effect now. */
  get resolved(): 'light' | 'dark' {
    if (this.choice === 'system') return this.systemDark ? 'dark' : 'light';
    return this.choice;
  }

  /** Reads the saved pick and starts following the system; returns the clean-up. */
  start(): () => void {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') this.choice = saved;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const follow = () => (this.systemDark = query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }

  /** Moves to the next choice: system, light, dark, then system again. */
  cycle(): void {
    this.choice = ORDER[(ORDER.indexOf(this.choice) + 1) % ORDER.length];
    if (this.choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, this.choice);
  }
}
