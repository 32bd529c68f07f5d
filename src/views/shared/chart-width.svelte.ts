import { BROWSER } from 'esm-env';
import type { Attachment } from 'svelte/attachments';

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
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  };
}
