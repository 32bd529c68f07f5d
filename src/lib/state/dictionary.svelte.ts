import { DEFAULT_THEMES, type Theme } from '../text/themes.ts';

const STORAGE_KEY = 'kyoten-dashboard:theme-dictionary';

/**
 * The user's theme dictionary: starts as the default, every edit is kept in this browser's
 * localStorage (nothing leaves the browser) and survives a reload.
 */
export class DictionaryState {
  themes = $state.raw<Theme[]>(DEFAULT_THEMES);
  /** Bumped on every change, so the tags are rebuilt. */
  version = $state(0);

  constructor(private storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ?? null) {
    const saved = this.storage?.getItem(STORAGE_KEY);
    if (saved) {
      try {
        const themes = JSON.parse(saved) as Theme[];
        if (Array.isArray(themes) && themes.every((t) => typeof t.id === 'string' && Array.isArray(t.keywords))) this.themes = themes;
      } catch {
        this.storage?.removeItem(STORAGE_KEY);
      }
    }
  }

  replace(themes: Theme[]): void {
    this.themes = themes;
    this.version++;
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(themes));
  }

  update(id: string, change: Partial<Omit<Theme, 'id'>>): void {
    this.replace(this.themes.map((t) => (t.id === id ? { ...t, ...change } : t)));
  }

  add(ja: string): void {
    const base = `theme${this.themes.length + 1}`;
    let id = base;
    for (let n = 2; this.themes.some((t) => t.id === id); n++) id = `${base}-${n}`;
    this.replace([...this.themes, { id, ja, en: ja, keywords: [] }]);
  }

  remove(id: string): void {
    this.replace(this.themes.filter((t) => t.id !== id));
  }

  reset(): void {
    this.storage?.removeItem(STORAGE_KEY);
    this.themes = DEFAULT_THEMES;
    this.version++;
  }
}
