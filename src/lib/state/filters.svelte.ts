import { parseQuestionKey, questionKeyToString, RATERS, STAGES, type QuestionKey, type Rater, type Stage } from '../ingest/fields.ts';
import type { RatingFilters } from '../db/sql.ts';
import { MAP_MEASURES, type MapMeasure } from '../db/queries/map.ts';
import type { Lang } from '../i18n/messages.ts';

export const VIEWS = ['distribution', 'map', 'heatmap', 'raters', 'benchmark', 'trends', 'themes', 'words', 'report', 'sql', 'data'] as const;
/** How many links the co-occurrence network draws (KH Coder's default is 60). */
export const NETWORK_EDGES = ['30', '60', '100', '150'] as const;
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

/** How one URL parameter reads and writes its field; `write` returns null for the default (left out of the URL). */
interface Codec<T> {
  read(value: string | null): T;
  write(value: T): string | null;
}

const list = <T extends string>(keep: (v: string) => v is T): Codec<T[] | null> => ({
  // `null` = all (no parameter); `[]` = none (the parameter, empty).
  read: (value) => (value === null ? null : value.split(',').filter((v): v is T => v !== '' && keep(v))),
  write: (value) => (value === null ? null : value.join(',')),
});
const anyText = (_: string): _ is string => true;
const years: Codec<number[] | null> = {
  read: (value) => (value === null ? null : value.split(',').filter((v) => /^\d{4}$/.test(v)).map(Number)),
  write: (value) => (value === null ? null : value.join(',')),
};
const choice = <T extends string>(options: readonly T[], fallback: T): Codec<T> => ({
  read: (value) => oneOf(value, options, fallback),
  write: (value) => (value === fallback ? null : value),
});
/** A whole number ≥ 0, or null (absent, empty or not a number: `?y=` is no year, never year 0). */
const count: Codec<number | null> = {
  read: (value) => (value !== null && /^\d{1,6}$/.test(value) ? Number(value) : null),
  write: (value) => (value === null ? null : String(value)),
};
const text = (fallback: string | null): Codec<string | null> => ({
  read: (value) => value ?? fallback,
  write: (value) => (value === fallback ? null : value),
});
const question: Codec<QuestionKey | null> = {
  read: parseQuestionKey,
  write: (value) => (value ? questionKeyToString(value) : null),
};
const sampleShown: Codec<boolean> = {
  read: (value) => value !== 'hide',
  write: (value) => (value ? null : 'hide'),
};

/**
 * Every setting the URL holds: its parameter, its field, and how it reads and writes. One table, so a
 * setting is declared once; the order is the order of the parameters in a written URL.
 */
const PARAMS = {
  view: { key: 'view', codec: choice(VIEWS, 'distribution') },
  lang: { key: 'lang', codec: choice(['ja', 'en'] as const, 'ja') },
  fiscalYears: { key: 'fy', codec: years },
  wards: { key: 'ward', codec: list(anyText) },
  stages: { key: 'stage', codec: list(isStage) },
  raters: { key: 'rater', codec: list(isRater) },
  includeSample: { key: 'sample', codec: sampleShown },
  selectedWard: { key: 'sw', codec: text(null) },
  selectedQuestion: { key: 'sq', codec: question },
  selectedTheme: { key: 'th', codec: text(null) },
  textSection: { key: 'sec', codec: choice(TEXT_SECTIONS, 'all') },
  distributionBy: { key: 'by', codec: choice(['ward', 'question'] as const, 'ward') },
  distributionSort: { key: 'sort', codec: choice(['order', 'share'] as const, 'order') },
  distributionScale: { key: 'scale', codec: choice(['diverging', 'stacked'] as const, 'diverging') },
  year: { key: 'y', codec: count },
  raterChoice: { key: 'r', codec: choice(['mean', ...RATERS] as const, 'mean') },
  heatmapOrder: { key: 'order', codec: choice(['code', 'score'] as const, 'code') },
  mapMeasure: { key: 'mm', codec: choice(MAP_MEASURES, 'abShare') },
  networkEdges: { key: 'ne', codec: choice(NETWORK_EDGES, '60') },
  selectedWord: { key: 'wd', codec: text(null) },
  caTarget: { key: 'ca', codec: choice(['words', 'themes'] as const, 'words') },
  slopeFrom: { key: 'from', codec: count },
  slopeTo: { key: 'to', codec: count },
  minDecline: { key: 'decl', codec: count },
  changeSort: { key: 'csort', codec: choice(CHANGE_SORT_KEYS, 'ward') },
  sql: { key: 'q', codec: text('') },
  dataset: { key: 'dataset', codec: text(null) },
} satisfies Record<string, { key: string; codec: Codec<any> }>;
type Setting = keyof typeof PARAMS;
type SettingValue<K extends Setting> = ReturnType<(typeof PARAMS)[K]['codec']['read']>;

/** The URL parameters the app reads (for tests and for links that must not collide). */
export const URL_PARAMETERS: readonly string[] = Object.values(PARAMS).map((p) => p.key);

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
  mapMeasure = $state<MapMeasure>('abShare');
  networkEdges = $state<(typeof NETWORK_EDGES)[number]>('60');
  /** A word of the co-occurrence network whose items are listed. */
  selectedWord = $state<string | null>(null);
  caTarget = $state<'words' | 'themes'>('words');
  /** The slope chart's two years; null = the first and the last year in view. */
  slopeFrom = $state<number | null>(null);
  slopeTo = $state<number | null>(null);
  /** Change table: only rows that fell by at least this many levels (null = all), and its order. */
  minDecline = $state<number | null>(null);
  changeSort = $state<(typeof CHANGE_SORT_KEYS)[number]>('ward');
  /** The SQL console's text. */
  sql = $state('');
  /** A dataset's folder on this host (`?dataset=…`) the page opened instead of the bundled data; kept in every link. */
  dataset = $state<string | null>(null);

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
    for (const name of Object.keys(PARAMS) as Setting[]) this.assign(name, PARAMS[name].codec.read(params.get(PARAMS[name].key)));
  }

  private assign<K extends Setting>(name: K, value: SettingValue<K>): void {
    (this as unknown as Record<Setting, unknown>)[name] = value;
  }

  /** The URL query for this state; `view` gives the link to another view with the same filters. */
  toSearch(view: View = this.view): string {
    const params = new URLSearchParams();
    for (const name of Object.keys(PARAMS) as Setting[]) {
      const value = name === 'view' ? view : (this as unknown as Record<Setting, unknown>)[name];
      const written = (PARAMS[name].codec as Codec<unknown>).write(value);
      if (written !== null) params.set(PARAMS[name].key, written);
    }
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
