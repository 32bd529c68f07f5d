declare module 'virtual:bundled-data' {
  /** The URL of the prebuilt tables of `data/*.csv` (see src/lib/db/bundle.ts). */
  const url: string;
  export default url;
}

declare module 'virtual:first-view' {
  import type { ViewSnapshot } from './lib/db/first-view.ts';
  import type { View } from './lib/state/filters.svelte.ts';
  /** Per view, a loader of what its default state asks and the answers (see src/lib/db/first-view.ts). */
  const snapshots: Record<View, () => Promise<{ default: ViewSnapshot }>>;
  export default snapshots;
}

/** Hosts besides the page's own that `?dataset=` may name (vite.config.ts, `DATASET_ORIGINS` at build time). */
declare const __DATASET_ORIGINS__: string[];
