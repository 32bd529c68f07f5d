import type { Environment } from 'vitest/environments';

/**
 * Node, with modules transformed for the client: Svelte's runes then run their effects (the server
 * transform makes `$effect` a no-op), which the tests of runes state classes need. No DOM is provided.
 */
export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => {} }),
} satisfies Environment;
