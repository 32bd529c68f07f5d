import { RATERS, STAGES, type Rater, type Stage } from '../ingest/fields.ts';
import type { RatingFilters } from '../db/sql.ts';
import type { Lang } from '../i18n/messages.ts';

const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);
const isRater = (v: string): v is Rater => (RATERS as readonly string[]).includes(v);

/** Shared filters and language; the URL holds all of it, so a link reproduces the view. */
export class FilterState {
  lang = $state<Lang>('ja');
  fiscalYears = $state<number[]>([]);
  wards = $state<string[]>([]);
  stages = $state<Stage[]>([]);
  raters = $state<Rater[]>([]);
  includeSample = $state(true);

  readonly ratingFilters: RatingFilters = $derived({
    fiscalYears: this.fiscalYears,
    wards: this.wards,
    stages: this.stages,
    raters: this.raters,
    includeSample: this.includeSample,
  });

  readonly unfiltered: boolean = $derived(
    this.fiscalYears.length === 0 && this.wards.length === 0 && this.stages.length === 0 && this.raters.length === 0 && this.includeSample,
  );

  /** Reads `?lang=en&fy=2024,2025&ward=鶴見区&stage=review&rater=ward&sample=hide`; unknown values are ignored. */
  readFrom(search: string): void {
    const params = new URLSearchParams(search);
    const list = (name: string) => (params.get(name) ?? '').split(',').filter((v) => v !== '');
    this.lang = params.get('lang') === 'en' ? 'en' : 'ja';
    this.fiscalYears = list('fy').map(Number).filter((n) => Number.isInteger(n));
    this.wards = list('ward');
    this.stages = list('stage').filter(isStage);
    this.raters = list('rater').filter(isRater);
    this.includeSample = params.get('sample') !== 'hide';
  }

  toSearch(): string {
    const params = new URLSearchParams();
    if (this.lang !== 'ja') params.set('lang', this.lang);
    if (this.fiscalYears.length) params.set('fy', this.fiscalYears.join(','));
    if (this.wards.length) params.set('ward', this.wards.join(','));
    if (this.stages.length) params.set('stage', this.stages.join(','));
    if (this.raters.length) params.set('rater', this.raters.join(','));
    if (!this.includeSample) params.set('sample', 'hide');
    const search = params.toString();
    return search ? `?${search}` : '';
  }
}
