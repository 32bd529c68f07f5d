/**
 * Runs `work` when the main thread is next idle (after the frame being drawn and the tasks already
 * queued), or after 200 ms at the latest; a timer where the browser has no idle callbacks (Safari).
 * Returns the cancel.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 200 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work);
  return () => clearTimeout(timer);
}
