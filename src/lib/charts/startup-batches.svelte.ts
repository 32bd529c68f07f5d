import { BROWSER } from 'esm-env';

/** Runs `work` when the main thread is next idle (after the frame being drawn and the tasks already queued), 200 ms at the latest. */
function whenIdle(work: () => void): () => void {
  // Safari has no idle callbacks: a timer, still after the tasks already queued.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(work);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(work, { timeout: 200 });
  return () => cancelIdleCallback(handle);
}

/**
 * How many items of a long list (a table's rows, a heatmap's rows) to draw. While the page starts
 * (before its database is ready) they come a batch per idle moment, so the first chart is drawn and
 * painted first and no task is long: a long task is what makes a page feel stuck. Once all are in,
 * later items come at once, as they do in lists mounted later and in the server render.
 * Create it during component initialisation: it owns an effect.
 */
export class StartupBatches {
  #drawn = $state(!BROWSER || document.body.dataset.dbReady === 'true' ? Infinity : 0);

  constructor(total: () => number, perBatch: () => number) {
    $effect(() => {
      const drawn = this.#drawn;
      const n = total();
      if (drawn >= n) return;
      const next = drawn + perBatch();
      return whenIdle(() => (this.#drawn = next >= n ? Infinity : next));
    });
  }

  /** Items drawn so far (Infinity: all). */
  get drawn(): number {
    return this.#drawn;
  }
}
