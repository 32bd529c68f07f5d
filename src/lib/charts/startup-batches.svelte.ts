import { BROWSER } from 'esm-env';
import { flushSync } from 'svelte';

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

/** Lists still being drawn batch by batch: the parts below a view's first chart wait for them. */
const batching = new Set<StartupBatches>();

/** Set when the page is printed while it starts: from then on everything is drawn at once. */
let printing = false;

/** Whether lists and parts are drawn whole at once: in the server render, once the page has started, or once printed. */
const atOnce = () => !BROWSER || printing || document.body.dataset.dbReady === 'true';

/**
 * How many items of a long list (a table's rows, a heatmap's rows) to draw. While the page starts
 * (before its database is ready) they come a batch per idle moment, so the first chart is drawn and
 * painted first and no task is long: a long task is what makes a page feel stuck. Once all are in,
 * later items come at once, as they do in lists mounted later and in the server render.
 * Create it during component initialisation: it owns an effect.
 */
export class StartupBatches {
  #drawn = $state(atOnce() ? Infinity : 0);

  constructor(total: () => number, perBatch: () => number) {
    $effect(() => {
      const drawn = this.#drawn;
      const n = total();
      if (drawn >= n) return;
      const next = drawn + perBatch();
      batching.add(this);
      const cancel = whenIdle(() => (this.#drawn = next >= n ? Infinity : next));
      return () => {
        cancel();
        batching.delete(this);
      };
    });
  }

  /** Items drawn so far (Infinity: all). */
  get drawn(): number {
    return this.#drawn;
  }

  drawAll(): void {
    this.#drawn = Infinity;
  }
}

/** Parts of views waiting for their turn while the page starts, in the order they were created (document order). */
const waiting: Array<() => void> = [];
let turnScheduled = false;

function nextTurn() {
  turnScheduled = false;
  // The charts above come first: their batches were asked for before this turn, or in the same moment.
  if (batching.size === 0) waiting.shift()?.();
  // Asked during an idle moment, the next one comes after the frame that draws this part.
  if (waiting.length > 0) scheduleTurn();
}

function scheduleTurn() {
  if (turnScheduled) return;
  turnScheduled = true;
  whenIdle(nextTurn);
}

/**
 * Whether a part of a view below its first chart is drawn. While the page starts (before its
 * database is ready) such parts come one per idle moment, once the lists drawn in batches above them
 * are complete: mounted with the chart, a large view's parts and their first layout were one task of
 * 60-120 ms. Later (a view opened once the page has started) they are drawn at once.
 * Create it during component initialisation: it owns an effect.
 */
export class StartupTurn {
  #shown = $state(atOnce());

  constructor() {
    if (this.#shown) return;
    const show = () => (this.#shown = true);
    waiting.push(show);
    $effect(() => {
      scheduleTurn();
      // A view left before its parts' turn: they no longer wait.
      return () => {
        const at = waiting.indexOf(show);
        if (at >= 0) waiting.splice(at, 1);
      };
    });
  }

  get shown(): boolean {
    return this.#shown;
  }
}

// A page printed while it starts (the report's print button, at once) prints every part and row.
if (BROWSER) {
  addEventListener('beforeprint', () => {
    printing = true;
    flushSync(() => {
      for (const show of waiting.splice(0)) show();
      for (const list of batching) list.drawAll();
    });
  });
}
