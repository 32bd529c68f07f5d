import { render } from 'svelte/server';
import App from '../../src/App.svelte';
import type { Database } from '../../src/lib/db/database.ts';
import type { ViewSnapshot } from '../../src/lib/db/first-view.ts';
import { queryKey, runQuery, type Query } from '../../src/lib/db/queries/index.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { VIEWS, type View } from '../../src/lib/state/filters.svelte.ts';
import { ViewModules } from '../../src/views/view-modules.svelte.ts';

/** More rounds than any view's chain of queries (options → year → the view's own queries). */
const MAX_ROUNDS = 8;

/**
 * Records what a view asks in its default state (a link with only `?view=…`) and the answers, by
 * rendering the app on the server the way the page renders it: each round renders with the answers
 * known so far, so queries that depend on earlier answers (the year a view opens on) are asked in the
 * next round, until a round asks nothing new. Only the last round's queries are kept.
 */
export async function recordView(db: Database, view: View): Promise<ViewSnapshot> {
  const known: ViewSnapshot = {};
  // The server render is synchronous: the view's code is loaded first, as the page does before drawing.
  const views = new ViewModules();
  await views.load(view);
  const shim = globalThis as { location?: unknown };
  const hadLocation = 'location' in shim;
  // The navigation's links read `location.pathname`; the server render has none.
  if (!hadLocation) shim.location = { pathname: '/', search: `?view=${view}` };
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const asked = new Map<string, Query<unknown>>();
      const app = new AppState(known, (query) => asked.set(queryKey(query), query));
      app.filters.startFrom(`?view=${view}`);
      // The render runs when its result is read.
      void render(App, { props: { app, views } }).body;
      const fresh = [...asked].filter(([key]) => !(key in known));
      if (fresh.length === 0) return Object.fromEntries([...asked.keys()].map((key) => [key, known[key]]));
      for (const [key, query] of fresh) known[key] = await runQuery(db, query);
    }
    throw new Error(`the ${view} view still asked new queries after ${MAX_ROUNDS} rounds`);
  } finally {
    if (!hadLocation) delete shim.location;
  }
}

/** Every view's default state, recorded over one database (the build's bundled data, or a dataset). */
export async function recordViews(db: Database): Promise<Record<View, ViewSnapshot>> {
  const snapshots = {} as Record<View, ViewSnapshot>;
  for (const view of VIEWS) snapshots[view] = await recordView(db, view);
  return snapshots;
}
