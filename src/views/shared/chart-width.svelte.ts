import { BROWSER } from 'esm-env';
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * The width of an A4 or Letter page's text in CSS pixels (A4's 210 mm less the print style's two
 * 12 mm margins). The browser lays a page out for paper without telling a ResizeObserver, so the
 * charts are redrawn at most this wide before it prints, not cut or shrunk at the page's edge.
 */
const PRINT_WIDTH = Math.floor(((210 - 2 * 12) / 25.4) * 96);

/**
 * The width a view's charts are drawn at: their box's, measured by a ResizeObserver. In the page the
 * charts wait for the first measure, which comes after the frame that laid out the page, and are drawn
 * a task later: the mount, the first layout and the chart are three short tasks instead of one long
 * one (reading `clientWidth` at mount would force the layout inside the mount), and no chart is drawn
 * twice (at a guessed width, then at the real one). The server render draws at `initial`.
 */
export class ChartWidth {
  value = $state(0);
  measured = $state(!BROWSER);

  constructor(initial: number) {
    this.value = initial;
  }

  readonly attach: Attachment<HTMLElement> = (box) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      // Read here, where the layout is fresh; read in the timer it would force another layout.
      const width = box.clientWidth;
      // A box of no width (hidden, or the window collapsed for a moment, as a full-page screenshot
      // does) keeps the charts at their last width: drawn at 0 they are nothing but NaN coordinates.
      if (width === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.value = width;
        this.measured = true;
      });
    });
    observer.observe(box);
    const beforePrint = () => {
      if (this.value <= PRINT_WIDTH) return;
      this.value = PRINT_WIDTH;
      // The page is laid out for paper as soon as this event returns: the charts must be redrawn now.
      flushSync();
    };
    // Back on screen the box may not have changed size since the observer last saw it, so it would say
    // nothing. Observed afresh, it reports the box at the next frame, whenever the page is back on screen
    // (read here, the width could still be the paper's: afterprint may come before the screen layout).
    const afterPrint = () => {
      observer.unobserve(box);
      observer.observe(box);
    };
    addEventListener('beforeprint', beforePrint);
    addEventListener('afterprint', afterPrint);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
      removeEventListener('beforeprint', beforePrint);
      removeEventListener('afterprint', afterPrint);
    };
  };
}
