import { createRawSnippet, type Component } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import type { TableColumn } from '../../../src/lib/export/table.ts';
import DataTable from '../../../src/views/shared/DataTable.svelte';

interface Row {
  ward: string;
  n: number;
  share: number | null;
}
const rows: Row[] = [
  { ward: '鶴見区', n: 48, share: 0.79 },
  { ward: '西区', n: 50, share: null },
];
const columns: Array<TableColumn<Row>> = [
  { name: 'ward', label: '区', kind: 'string', value: (r) => r.ward, rowHeader: true },
  { name: 'n', label: '件数', kind: 'int32', value: (r) => r.n },
  { name: 'share', label: 'A+B の割合', heading: 'A+B', kind: 'double', value: (r) => r.share, text: (r) => (r.share === null ? '–' : `${Math.round(r.share * 100)}%`) },
  { name: 'code', label: 'code', kind: 'string', value: () => 'x', only: 'file' },
];

function html(props: Record<string, unknown>): string {
  const { body } = render(DataTable as unknown as Component<Record<string, unknown>>, { props: { rows, columns, key: (r: Row) => r.ward, ...props } });
  return body
    .replace(/<!--[^]*?-->/g, '')
    .replace(/ class="svelte-[a-z0-9]+"/g, '')
    .replace(/ ?svelte-[a-z0-9]+/g, '');
}
const cells = (body: string) => [...body.matchAll(/<t[hd](?:\s[^>]*)?>([^<]*)</g)].map((m) => m[1].trim());

describe('DataTable', () => {
  test('headers and cells from the screen columns, the naming column as row headers', () => {
    const body = html({ caption: '区ごとの件数' });
    expect(body).toContain('<caption>区ごとの件数</caption>');
    expect(cells(body)).toEqual(['区', '件数', 'A+B', '鶴見区', '48', '79%', '西区', '50', '–']);
    expect(body.match(/<th scope="row"/g)).toHaveLength(2);
    expect(body).not.toContain('code');
  });

  test('a selected row is marked, text columns are left-aligned, rows carry their key', () => {
    const body = html({ selected: (r: Row) => r.ward === '西区' });
    expect(body).toMatch(/<tr class="\s*selected" data-key="西区">/);
    expect(body).toMatch(/<tr data-key="鶴見区">/);
    expect(body).toMatch(/<th scope="row" class="text"[^>]*>鶴見区/);
    expect(body).toMatch(/<td[^>]*>48</);
    expect(body).not.toMatch(/<td class="text"[^>]*>48</);
  });

  test('shown cuts the list on screen; the footer rows stand under a rule', () => {
    const body = html({ shown: 1, footer: [{ ward: '市全体', n: 98, share: 0.5 }] });
    expect(body).not.toContain('西区');
    expect(body).toMatch(/<tfoot>.*市全体/s);
  });

  test('sortable headers are buttons with aria-sort; without rows the empty text spans the table', () => {
    expect(html({ sortable: true })).toMatch(/<th scope="col" aria-sort="none" class="text"><button type="button" class="link">区<\/button>/);
    expect(html({ rows: [], emptyText: 'データなし' })).toMatch(/<td colspan="3" class="note text">データなし<\/td>/);
  });

  test('a detail snippet adds lines under each row, given the column count', () => {
    const detail = createRawSnippet((row: () => Row, span: () => number) => ({
      render: () => `<tr class="detail"><td colspan="${span()}">${row().ward}の詳細</td></tr>`,
    }));
    expect(html({ detail })).toMatch(/鶴見区<\/th>.*<tr class="detail"><td colspan="3">鶴見区の詳細<\/td><\/tr>.*西区/s);
  });

  test('a download offers CSV and Parquet', () => {
    expect(html({ download: { filename: 'x', lang: 'ja' } })).toMatch(/CSV/);
    expect(html({})).not.toMatch(/CSV/);
  });
});
