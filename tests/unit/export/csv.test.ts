import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/export/csv.ts';

describe('exports', () => {
  it('toCsv: BOM, RFC 4180 quoting, formula-looking text neutralised, numbers left alone', () => {
    const csv = toCsv(['a', 'b'], [['=SUM(A1)', -2], ['+1', '@x'], ['x,"y"', '-3']], { bom: true, neutraliseFormulas: true });
    expect(csv).toBe('\ufeffa,b\n\'=SUM(A1),-2\n\'+1,\'@x\n"x,""y""",\'-3\n');
  });
});
