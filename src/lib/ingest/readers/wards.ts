import type { Field } from '../headers.ts';
import { clip } from '../limits.ts';
import { normalizeCode } from '../normalize.ts';
import { checkDigit, type Ward } from '../registry.ts';
import type { ReadContext, RowHandler } from './context.ts';

/**
 * A ward registry, which replaces the one in force, so it must be unambiguous: the same code or the
 * same name on two lines (other than an exact duplicate row) refuses the whole file, naming both lines.
 */
export function wardsHandler({ builder }: ReadContext): RowHandler {
  const { batch } = builder;
  const byCode = new Map<string, { ward: Ward; line: number }>();
  const byName = new Map<string, { ward: Ward; line: number }>();
  const wards: Ward[] = [];
  batch.wards = wards;
  return (reader) => {
    const codeRaw = reader.required('code');
    let code: string | undefined;
    if (codeRaw !== undefined) {
      const value = normalizeCode(codeRaw);
      if (/^\d{5}$/.test(value)) code = value;
      else if (/^\d{6}$/.test(value) && checkDigit(value.slice(0, 5)) === Number(value[5])) code = value.slice(0, 5);
      else if (/^\d{6}$/.test(value)) reader.fail('code', 'ward_code_check_digit', { suggestion: `${value.slice(0, 5)}${checkDigit(value.slice(0, 5))}` });
      else reader.fail('code', 'invalid_ward_code');
    }
    const name = reader.required('name')?.trim();
    const tile = (field: Field) => {
      const raw = normalizeCode(reader.raw(field));
      if (raw === '') return null;
      if (!/^\d{1,3}$/.test(raw)) reader.fail(field, 'invalid_tile');
      return Number(raw);
    };
    const tileX = tile('tile_x');
    const tileY = tile('tile_y');
    if (reader.errors.length > 0 || !code || !name) return 'rejected';
    const ward: Ward = { code, name, nameEn: reader.raw('name_en').trim(), city: reader.raw('city').trim(), tileX, tileY };
    const line = reader.row.line;
    const sameCode = byCode.get(code);
    if (sameCode && JSON.stringify(sameCode.ward) === JSON.stringify(ward)) return 'duplicate';
    const clash = sameCode ? { field: 'code', value: code, line: sameCode.line } : byName.has(name) ? { field: 'name', value: name, line: byName.get(name)!.line } : null;
    if (clash) {
      builder.refusal ??= { code: 'registry_duplicate', params: { field: clash.field, value: clip(clash.value, 60).value, lines: [String(clash.line), String(line)] } };
      return 'rejected';
    }
    byCode.set(code, { ward, line });
    byName.set(name, { ward, line });
    wards.push(ward);
    batch.report.records.wards++;
    return 'loaded';
  };
}
