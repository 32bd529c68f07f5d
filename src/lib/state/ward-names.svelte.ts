import { createContext } from 'svelte';
import { wardNamesQuery, type WardNameRow } from '../db/queries/index.ts';
import { wardNamer, type WardName } from '../i18n/labels.ts';
import type { Lang } from '../i18n/messages.ts';
import type { AppState } from './app.svelte.ts';
import { QueryState } from './query.svelte.ts';

export interface WardNames {
  /** A ward as the screen names it, in the screen's language as it is now. */
  name: WardName;
  /** How wards are named in `lang`, whatever the screen's. */
  in(lang: Lang): WardName;
}

/**
 * The registry's English names of wards, asked once for every view, so that in English each chart,
 * table, choice and sentence names a ward as the others do (a loaded registry's names follow it).
 * Create it during component initialisation: it owns a query.
 */
export function wardNamesState(app: AppState): WardNames {
  const rows = new QueryState<WardNameRow>(app, () => wardNamesQuery());
  const romaji: ReadonlyMap<string, string> = $derived(new Map((rows.rows ?? []).map((r) => [r.ward, r.wardEn])));
  const named = (lang: Lang) => wardNamer(lang, romaji);
  return { name: (ward) => named(app.filters.lang)(ward), in: named };
}

export const [getWardNames, setWardNames] = createContext<WardNames>();
