import { parseItemNo, parseSection } from '../fields.ts';
import { fiscalYearOf } from '../fiscal-year.ts';
import { freeText } from '../normalize.ts';
import { splitItems, startsAsList } from '../report.ts';
import type { RowOutcome, RowReader } from '../rows.ts';
import type { NarrativeRecord } from '../types.ts';
import { readProvenance, readWardAndYear, type ReadContext, type RowHandler } from './context.ts';

/**
 * Narrative items: a row per item of a section (goals, actions, effects, challenges, next year's), or
 * a row per section whose cell holds the list. Without an `item_no` column items are numbered in the
 * order they come, per ward, year and section.
 */
export function narrativesHandler({ registry, ledger, builder }: ReadContext): RowHandler {
  const order = new Map<string, number>();
  const addItems: AddItems = (text, itemNo, key) => {
    const group = `${key.ward}|${key.fiscalYear}|${key.section}`;
    // A cell holding the whole list (・ bullets or 1. 2. 3., as the report prints it) is its items, when no item_no numbers the row.
    const items = itemNo === undefined ? listItems(text) : [text];
    const first = itemNo ?? (order.get(group) ?? 0) + 1;
    if (itemNo === undefined) order.set(group, first + items.length - 1);
    let loaded = false;
    items.forEach((item, k) => {
      const record: NarrativeRecord = { ...key, itemNo: first + k, text: item };
      if (ledger.addText(builder, 'narrative', record, `${key.section}#${record.itemNo}`, item)) loaded = true;
    });
    return loaded;
  };
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
    if (reader.sectionColumns.length > 0) return readSectionColumns(reader, ward?.name, fiscalYear, addItems);
    let section: NarrativeRecord['section'] | undefined;
    const sectionRaw = reader.required('section');
    if (sectionRaw !== undefined) {
      const parsed = parseSection(sectionRaw, fiscalYear, fiscalYearOf);
      if (parsed.ok) section = parsed.section;
      else reader.fail('section', 'invalid_section');
    }
    const itemNo = readItemNo(reader);
    const raw = reader.required('text');
    const text = raw === undefined ? undefined : freeText(raw);
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !section || text === undefined) return 'rejected';
    return addItems(text, itemNo, { ward: ward.name, fiscalYear, section, provenance, line: reader.row.line }) ? 'loaded' : 'duplicate';
  };
}

/** Adds a cell's items (its list, unless `itemNo` numbers the row): loaded when any is new. */
type AddItems = (text: string, itemNo: number | undefined, key: Omit<NarrativeRecord, 'itemNo' | 'text'>) => boolean;

/** The optional `item_no` column's number; blank in a column the sheet has is an error. */
function readItemNo(reader: RowReader): number | undefined {
  if (!reader.has('item_no')) return undefined;
  const raw = reader.required('item_no');
  if (raw === undefined) return undefined;
  const itemNo = parseItemNo(raw);
  if (itemNo === undefined) reader.fail('item_no', 'invalid_item_no');
  return itemNo;
}

/**
 * A row per ward and year with a column per section (`重点目標`, `取組内容`, `取組の課題`, …), each
 * cell that section's items (its list, or the one item `item_no` numbers). A blank cell is a section
 * without items; a row with none is rejected. A column headed by a year's goals (`令和8年度重点目標`)
 * is read by the row's year, as a report's label is: a year neither the row's nor the next rejects
 * the row at that column.
 */
function readSectionColumns(reader: RowReader, ward: string | undefined, fiscalYear: number | undefined, addItems: AddItems): RowOutcome {
  const itemNo = readItemNo(reader);
  const filled = reader.sectionColumns.flatMap((index) => {
    const text = reader.cell(index);
    return text.trim() === '' ? [] : [{ index, text }];
  });
  if (filled.length === 0) reader.failRow('no_section_items', {}, '', reader.sectionColumns[0]);
  // Without the row's year no column's section can be told; each is checked though the ward is bad.
  const items = fiscalYear === undefined ? [] : filled.flatMap(({ index, text }) => {
    const section = parseSection(reader.columnName(index), fiscalYear, fiscalYearOf);
    if (!section.ok) reader.failRow('section_column_year', { year: fiscalYear }, text, index);
    return section.ok ? [{ section: section.section, text }] : [];
  });
  const provenance = readProvenance(reader);
  if (reader.errors.length > 0 || ward === undefined || fiscalYear === undefined) return 'rejected';
  let loaded = false;
  for (const { section, text } of items) {
    if (addItems(freeText(text), itemNo, { ward, fiscalYear, section, provenance, line: reader.row.line })) loaded = true;
  }
  return loaded ? 'loaded' : 'duplicate';
}

/** A cell's items when it starts as a list does and holds two or more; else the cell as one item. */
function listItems(text: string): string[] {
  if (!startsAsList(text)) return [text];
  const items = splitItems(text);
  return items.length >= 2 ? items : [text];
}
