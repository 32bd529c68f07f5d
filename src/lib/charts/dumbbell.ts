export interface DumbbellRow {
  key: string;
  label: string;
  title?: string;
  ward: number | null;
  center: number | null;
  joint: number | null;
}
