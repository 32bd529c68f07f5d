import { describe, expect, it } from 'vitest';
import { DictionaryState } from '../../../src/lib/state/dictionary.svelte.ts';
import { DEFAULT_THEMES } from '../../../src/lib/text/themes.ts';

const KEY = 'kyoten-dashboard:theme-dictionary';

/** A localStorage as the browser gives it: a map, that may refuse to save (quota). */
function storage(initial: Record<string, string> = {}, full = false) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('DictionaryState', () => {
  it('keeps an edit and reads it back on the next visit', () => {
    const store = storage();
    new DictionaryState(store).add('外国籍家庭');
    const next = new DictionaryState(store);
    expect(next.themes.at(-1)).toMatchObject({ ja: '外国籍家庭', keywords: [] });
    expect(next.warning).toBeNull();
  });

  it.each([
    ['not JSON', '{"id": '],
    ['not a list', '{"id":"x"}'],
    ['a theme without its keywords', '[{"id":"x","ja":"x","en":"x"}]'],
    ['a keyword that is not text', '[{"id":"x","ja":"x","en":"x","keywords":[1]}]'],
  ])('falls back to the default dictionary, and says so, when the saved one is %s', (_, saved) => {
    const store = storage({ [KEY]: saved });
    const state = new DictionaryState(store);
    expect(state.themes).toEqual(DEFAULT_THEMES);
    expect(state.warning).toBe('corrupt');
    expect(store.items.has(KEY)).toBe(false);
  });

  it('says when an edit cannot be kept (storage full), and keeps it on screen', () => {
    const state = new DictionaryState(storage({}, true));
    state.add('新しいテーマ');
    expect(state.themes.at(-1)?.ja).toBe('新しいテーマ');
    expect(state.warning).toBe('not_saved');
  });
});
