import { parseItemNo, parseSection } from '../fields.ts';
import { parseFiscalYear } from '../fiscal-year.ts';
import { freeText } from '../normalize.ts';
import { splitItems, startsAsList } from '../report.ts';
import type { NarrativeRecord } from '../types.ts';
import { readProvenance, readWardAndYear, type ReadContext, type RowHandler } from './context.ts';

/**
 * Narrative items: a row per item of a section (goals, actions, effects, challenges, next year's), or
 * a row per section whose cell holds the list. Without an `item_no` column items are numbered in the
 * order they come, per ward, year and section.
 */
export function narrativesHandler({ registry, ledger, builder }: ReadContext): RowHandler {
  const order = new Map<string, number>();
  return (reader) => {
    const { ward, fiscalYear } = readWardAndYear(reader, registry);
    let section: NarrativeRecord['section'] | undefined;
    const sectionRaw = reader.required('section');
    if (sectionRaw !== undefined) {
      const parsed = parseSection(sectionRaw, fiscalYear, (v) => {
        const y = parseFiscalYear(v);
        return y.ok ? y.fiscalYear : undefined;
      });
      if (parsed.ok) section = parsed.section;
      else reader.fail('section', 'invalid_section');
    }
    let itemNo: number | undefined;
    if (reader.has('item_no')) {
      const raw = reader.required('item_no');
      if (raw !== undefined) {
        itemNo = parseItemNo(raw);
        if (itemNo === undefined) reader.fail('item_no', 'invalid_item_no');
      }
    }
    const raw = reader.required('text');
    const text = raw === undefined ? undefined : freeText(raw);
    const provenance = readProvenance(reader);
    if (reader.errors.length > 0 || !ward || fiscalYear === undefined || !section || text === undefined) return 'rejected';
    const group = `${ward.name}|${fiscalYear}|${section}`;
    // A cell holding the whole list (・ bullets or 1. 2. 3., as the report prints it) is its items, when no item_no numbers the row.
    const items = itemNo === undefined ? listItems(text) : [text];
    const first = itemNo ?? (order.get(group) ?? 0) + 1;
    if (itemNo === undefined) order.set(group, first + items.length - 1);
    let loaded = false;
    items.forEach((item, k) => {
      const record: NarrativeRecord = { ward: ward.name, fiscalYear, section, itemNo: first + k, text: item, provenance, line: reader.row.line };
      if (ledger.addText(builder, 'narrative', record, `${section}#${record.itemNo}`, item)) loaded = true;
    });
    return loaded ? 'loaded' : 'duplicate';
  };
}

/** A cell's items when it starts as a list does and holds two or more; else the cell as one item. */
function listItems(text: string): string[] {
  if (!startsAsList(text)) return [text];
  const items = splitItems(text);
  return items.length >= 2 ? items : [text];
}
