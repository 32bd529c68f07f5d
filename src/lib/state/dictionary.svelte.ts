import { DEFAULT_THEMES, type Theme } from '../text/themes.ts';

const STORAGE_KEY = 'kyoten-dashboard:theme-dictionary';

const isTheme = (t: unknown): t is Theme => {
  const theme = t as Theme;
  return (
    typeof theme === 'object' && theme !== null && typeof theme.id === 'string' && typeof theme.ja === 'string' && typeof theme.en === 'string' &&
    Array.isArray(theme.keywords) && theme.keywords.every((k) => typeof k === 'string')
  );
};

/**
 * The user's theme dictionary: starts as the default, every edit is kept in this browser's
 * localStorage (nothing leaves the browser) and survives a reload. A saved dictionary that cannot be
 * read falls back to the default, and says so; a storage that refuses to save says so too.
 */
export class DictionaryState {
  themes = $state.raw<Theme[]>(DEFAULT_THEMES);
  /** Bumped on every change, so the tags are rebuilt. */
  version = $state(0);
  /** Why the saved dictionary was not used, or why an edit could not be kept. */
  warning = $state<'corrupt' | 'not_saved' | null>(null);

  constructor(private storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ?? null) {
    const saved = this.storage?.getItem(STORAGE_KEY);
    if (!saved) return;
    let themes: unknown;
    try {
      themes = JSON.parse(saved);
    } catch {
      themes = null;
    }
    if (Array.isArray(themes) && themes.every(isTheme)) this.themes = themes;
    else {
      this.warning = 'corrupt';
      this.storage?.removeItem(STORAGE_KEY);
    }
  }

  replace(themes: Theme[]): void {
    this.themes = themes;
    this.version++;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(themes));
      if (this.warning === 'not_saved') this.warning = null;
    } catch {
      this.warning = 'not_saved';
    }
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
