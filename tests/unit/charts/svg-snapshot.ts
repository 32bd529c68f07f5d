import { render } from 'svelte/server';
import type { Component } from 'svelte';

/**
 * Server-renders a chart and normalises it for a reviewable snapshot (Observable Plot's habit):
 * numbers rounded to 1 decimal, Svelte's hydration comments and scoping classes removed, one element per line.
 */
export function renderSvg<P extends Record<string, unknown>>(component: Component<P>, props: P): string {
  const { body } = render(component as Component<Record<string, unknown>>, { props });
  return body
    .replace(/<!--[^]*?-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ svelte-[a-z0-9]+/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}
