export interface BenchmarkBarRow {
  key: string;
  label: string;
  title?: string;
  counts: Record<'A' | 'B' | 'C' | 'D', number>;
  /** The benchmarked ward's level (its score rounded). */
  level: 'A' | 'B' | 'C' | 'D';
  rank: number;
  wards: number;
}
