import type { Component } from 'svelte';
import { VIEWS, type View } from '../lib/state/filters.svelte.ts';
import DistributionView from './distribution/DistributionView.svelte';
import { errorMessage } from '../lib/error-message.ts';

/**
 * Each view's code is a chunk of its own, fetched beside the view's first answers when a link opens
 * it: the page's first script holds the frame (header, navigation, filters) and the home view, so
 * the home page waits for no second round trip and no script is one long task to evaluate.
 */
const MODULES: Record<View, () => Promise<{ default: Component }>> = {
  distribution: () => Promise.resolve({ default: DistributionView }),
  map: () => import('./map/MapView.svelte'),
  heatmap: () => import('./heatmap/HeatmapView.svelte'),
  raters: () => import('./raters/RatersView.svelte'),
  benchmark: () => import('./benchmark/BenchmarkView.svelte'),
  trends: () => import('./trends/TrendsView.svelte'),
  themes: () => import('./themes/ThemesView.svelte'),
  words: () => import('./words/WordsView.svelte'),
  report: () => import('./report/WardReport.svelte'),
  sql: () => import('./sql/SqlView.svelte'),
  data: () => import('./load/DataView.svelte'),
};

/**
 * Each view's chunk as the build named it (`view=assets/…js;…`, written in by `viewChunkFiles` in
 * vite.config.ts; the placeholder itself in the dev server and tests). A browser may keep a failed
 * `import()` for the page's life (the HTML spec's module map did until 2025; Chromium 150 does), so a
 * retry asks for the chunk under a URL of its own: only the failed view's module is fetched again,
 * the code it shares with the page is the page's.
 */
const CHUNK_FILES = '__VIEW_CHUNK_FILES__';
const chunkFiles = new Map(CHUNK_FILES.split(';').map((entry) => entry.split('=') as [string, string]));

/**
 * Stylesheets that did not load are asked for again: a view's CSS fails with its code, and the
 * bundler's loader keeps the failed `<link>` and never asks again (the view would draw unstyled).
 */
function reloadFailedStylesheets(): void {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) {
    if (!loaded(link)) link.replaceWith(link.cloneNode());
  }
}

/** Chromium gives a stylesheet that failed to load an empty sheet, not none, whose rules may not be read. */
function loaded(link: HTMLLinkElement): boolean {
  try {
    return link.sheet !== null && link.sheet.cssRules.length > 0;
  } catch {
    return false;
  }
}

function retryImport(view: View, retry: number): Promise<{ default: Component }> {
  reloadFailedStylesheets();
  const file = chunkFiles.get(view);
  if (!file) return MODULES[view]();
  return import(/* @vite-ignore */ `${import.meta.env.BASE_URL}${file}?retry=${retry}`) as Promise<{ default: Component }>;
}

/** The views' components as their chunks arrive; the page (and the build's recorder) loads the opening one before drawing. */
export class ViewModules {
  #loaded = $state.raw<Partial<Record<View, Component>>>({});
  #failed = $state.raw<Partial<Record<View, string>>>({});
  #loading = new Map<View, Promise<void>>();
  /** Retries so far, any view: each asks under a URL not asked for before. */
  #retries = 0;

  component(view: View): Component | undefined {
    return this.#loaded[view];
  }

  /** Why the view's code could not be fetched (offline before it was ever cached, a changed deployment). */
  failure(view: View): string | undefined {
    return this.#failed[view];
  }

  /** Loads the view's code; after a failure, tries again (the page's retry, or `loadAll`). */
  load(view: View): Promise<void> {
    if (this.#loaded[view]) return Promise.resolve();
    let loading = this.#loading.get(view);
    if (!loading) {
      const retry = this.#failed[view] !== undefined;
      if (retry) {
        const { [view]: _tried, ...rest } = this.#failed;
        this.#failed = rest;
      }
      loading = (retry ? retryImport(view, ++this.#retries) : MODULES[view]()).then(
        (module) => {
          this.#loaded = { ...this.#loaded, [view]: module.default };
        },
        (error: unknown) => {
          this.#loading.delete(view);
          this.#failed = { ...this.#failed, [view]: errorMessage(error) };
        },
      );
      this.#loading.set(view, loading);
    }
    return loading;
  }

  /** Every view, one after another: once the page has started, switching views needs no fetch. */
  async loadAll(): Promise<void> {
    for (const view of VIEWS) await this.load(view);
  }
}
