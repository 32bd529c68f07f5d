/**
 * Keyboard handler for an SVG element given role="button": Enter or Space acts like a click (and
 * Space does not scroll the page), as a native button would.
 */
export function activateOnKey(action: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}
