declare module 'virtual:first-view' {
  import type { FirstViewSnapshot } from './lib/db/first-view.ts';
  const snapshot: FirstViewSnapshot;
  export default snapshot;
}
