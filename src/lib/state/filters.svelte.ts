import { RATERS, STAGES, type Rater, type Stage } from '../ingest/fields.ts';
import type { QuestionKey, RatingFilters } from '../db/sql.ts';
import type { Lang } from '../i18n/messages.ts';

export const VIEWS = ['distribution', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'report', 'sql', 'data'] as const;
export const CHANGE_SORT_KEYS = ['ward', 'change', 'question'] as const;
export const TEXT_SECTIONS = ['all', 'goal', 'action', 'effect', 'challenge', 'next_goal', 'next_action'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];
export type View = (typeof VIEWS)[number];
/** A single rater, or the mean of the three. */
export type RaterChoice = Rater | 'mean';

const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);
const isRater = (v: string): v is Rater => (RATERS as readonly string[]).includes(v);
const oneOf = <T extends string>(value: string | null, options: readonly T[], fallback: T): T =>
  value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;

export function questionKeyToString(q: QuestionKey): string {
  return `${q.stage}-${q.questionNo}`;
}

export function parseQuestionKey(value: string | null): QuestionKey | null {
  const match = /^(planning|implementation|review)-(\d)$/.exec(value ?? '');
  return match ? { stage: match[1] as Stage, questionNo: Number(match[2]) } : null;
}

const SETTINGS_KEY = 'kyoten-dashboard:settings';
type SettingsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Everything that decides what the page shows: view, language, the shared filters, the linked
 * selection and each view's options. The URL holds all of it, so a link reproduces the exact view
 * and back/forward walk through the changes. The last URL is also kept in this browser, so a plain
 * visit (no query) opens where the user left off.
 */
export class FilterState {
  view = $state<View>('distribution');
  lang = $state<Lang>('ja');
  /** `null` = all; `[]` = none (cleared by the user). */
  fiscalYears = $state<number[] | null>(null);
  wards = $state<string[] | null>(null);
  stages = $state<Stage[] | null>(null);
  raters = $state<Rater[] | null>(null);
  includeSample = $state(true);
  /** Set by clicking a ward or a question in one chart; narrows the others. */
  selectedWard = $state<string | null>(null);
  selectedQuestion = $state<QuestionKey | null>(null);
  /** A theme clicked in the text views: the ratings views keep only the wards that name it. */
  selectedTheme = $state<string | null>(null);
  textSection = $state<TextSection>('all');
  distributionBy = $state<'ward' | 'question'>('ward');
  distributionSort = $state<'order' | 'share'>('order');
  distributionScale = $state<'diverging' | 'stacked'>('diverging');
  /** The year the heatmap, rater comparison and benchmark show; null = the latest year in the data. */
  year = $state<number | null>(null);
  raterChoice = $state<RaterChoice>('mean');
  heatmapOrder = $state<'code' | 'score'>('code');
  /** The slope chart's two years; null = the first and the last year in view. */
  slopeFrom = $state<number | null>(null);
  slopeTo = $state<number | null>(null);
  /** Change table: only rows that fell by at least this many levels (null = all), and its order. */
  minDecline = $state<number | null>(null);
  changeSort = $state<(typeof CHANGE_SORT_KEYS)[number]>('ward');
  /** The SQL console's text. */
  sql = $state('');

  readonly ratingFilters: RatingFilters = $derived({
    fiscalYears: this.fiscalYears,
    wards: this.wards,
    stages: this.stages,
    raters: this.raters,
    questions: null,
    includeSample: this.includeSample,
  });

  readonly unfiltered: boolean = $derived(
    this.fiscalYears === null && this.wards === null && this.stages === null && this.raters === null && this.includeSample &&
      this.selectedWard === null && this.selectedQuestion === null && this.selectedTheme === null,
  );

  /**
   * The shared filters narrowed by the linked selection, except along the chart's own dimension
   * (a chart of wards keeps all wards and highlights the selected one).
   */
  filtersFor(own: 'ward' | 'question' | 'theme' | null): RatingFilters {
    const base = this.ratingFilters;
    const ward = own !== 'ward' && this.selectedWard !== null ? this.selectedWard : null;
    return {
      ...base,
      wards: ward === null ? base.wards : (base.wards ?? [ward]).filter((w) => w === ward),
      questions: own !== 'question' && this.selectedQuestion ? [this.selectedQuestion] : null,
      themeId: own !== 'theme' ? this.selectedTheme : null,
    };
  }

  constructor(private storage: SettingsStorage | null = globalThis.localStorage ?? null) {}

  /** The page's query if it has one, else the settings kept from the last visit. */
  startFrom(search: string): string {
    const start = search || this.storage?.getItem(SETTINGS_KEY) || '';
    this.readFrom(start);
    return start;
  }

  /** After back/forward: the URL is the state. */
  followUrl(search: string): void {
    this.readFrom(search);
    this.storage?.setItem(SETTINGS_KEY, search);
  }

  forgetSettings(): void {
    this.storage?.removeItem(SETTINGS_KEY);
  }

  readFrom(search: string): void {
    const params = new URLSearchParams(search);
    const list = (name: string): string[] | null => {
      const value = params.get(name);
      return value === null ? null : value.split(',').filter((v) => v !== '');
    };
    this.view = oneOf(params.get('view'), VIEWS, 'distribution');
    this.lang = params.get('lang') === 'en' ? 'en' : 'ja';
    this.fiscalYears = list('fy')?.map(Number).filter((n) => Number.isInteger(n)) ?? null;
    this.wards = list('ward');
    this.stages = list('stage')?.filter(isStage) ?? null;
    this.raters = list('rater')?.filter(isRater) ?? null;
    this.includeSample = params.get('sample') !== 'hide';
    this.selectedWard = params.get('sw');
    this.selectedQuestion = parseQuestionKey(params.get('sq'));
    this.selectedTheme = params.get('th');
    this.textSection = oneOf(params.get('sec'), TEXT_SECTIONS, 'all');
    this.distributionBy = oneOf(params.get('by'), ['ward', 'question'] as const, 'ward');
    this.distributionSort = oneOf(params.get('sort'), ['order', 'share'] as const, 'order');
    this.distributionScale = oneOf(params.get('scale'), ['diverging', 'stacked'] as const, 'diverging');
    const year = Number(params.get('y'));
    this.year = params.get('y') !== null && Number.isInteger(year) ? year : null;
    this.raterChoice = oneOf(params.get('r'), ['mean', ...RATERS] as const, 'mean');
    this.heatmapOrder = oneOf(params.get('order'), ['code', 'score'] as const, 'code');
    const int = (name: string) => {
      const value = params.get(name);
      return value !== null && /^\d+$/.test(value) ? Number(value) : null;
    };
    this.slopeFrom = int('from');
    this.slopeTo = int('to');
    this.minDecline = int('decl');
    this.changeSort = oneOf(params.get('csort'), CHANGE_SORT_KEYS, 'ward');
    this.sql = params.get('q') ?? '';
  }

  /** The URL query for this state; `view` gives the link to another view with the same filters. */
  toSearch(view: View = this.view): string {
    const params = new URLSearchParams();
    const set = (name: string, value: string | null, fallback: string | null = null) => {
      if (value !== null && value !== fallback) params.set(name, value);
    };
    set('view', view, 'distribution');
    set('lang', this.lang, 'ja');
    set('fy', this.fiscalYears?.join(',') ?? null);
    set('ward', this.wards?.join(',') ?? null);
    set('stage', this.stages?.join(',') ?? null);
    set('rater', this.raters?.join(',') ?? null);
    set('sample', this.includeSample ? null : 'hide');
    set('sw', this.selectedWard);
    set('sq', this.selectedQuestion ? questionKeyToString(this.selectedQuestion) : null);
    set('th', this.selectedTheme);
    set('sec', this.textSection, 'all');
    set('by', this.distributionBy, 'ward');
    set('sort', this.distributionSort, 'order');
    set('scale', this.distributionScale, 'diverging');
    set('y', this.year === null ? null : String(this.year));
    set('r', this.raterChoice, 'mean');
    set('order', this.heatmapOrder, 'code');
    set('from', this.slopeFrom === null ? null : String(this.slopeFrom));
    set('to', this.slopeTo === null ? null : String(this.slopeTo));
    set('decl', this.minDecline === null ? null : String(this.minDecline));
    set('csort', this.changeSort, 'ward');
    set('q', this.sql, '');
    const search = params.toString();
    return search ? `?${search}` : '';
  }

  /** Every shared filter and the linked selection back to "all" (one history entry). */
  clearFilters(): void {
    this.update((f) => {
      f.fiscalYears = null;
      f.wards = null;
      f.stages = null;
      f.raters = null;
      f.includeSample = true;
      f.selectedWard = null;
      f.selectedQuestion = null;
      f.selectedTheme = null;
    });
  }

  /** Applies a change and records it in the history, so back/forward undo and redo it. */
  update(change: (state: this) => void): void {
    change(this);
    this.writeUrl('push');
  }

  /** Puts the state in the address bar (a new history entry, or in place) and keeps it for the next visit. */
  writeUrl(mode: 'push' | 'replace'): void {
    const search = this.toSearch();
    history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${search}`);
    this.storage?.setItem(SETTINGS_KEY, search);
  }
}
