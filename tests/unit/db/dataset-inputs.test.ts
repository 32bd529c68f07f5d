import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsOf } from '../../../src/lib/db/dataset.ts';

describe('inputsOf(dir): what build-dataset reads from a data folder', () => {
  it('reads the CSVs, reports, workbooks and Word documents the app reads, not the folder’s README or other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataset-inputs-'));
    try {
      for (const name of ['ratings.csv', 'README.md', 'notes.markdown', 'report.html', 'centers.xlsx', 'report.docx', 'logo.png', 'old.xls', 'old.doc', 'slides.ppt', '~$centers.xlsx']) writeFileSync(join(dir, name), '');
      expect((await inputsOf(dir)).map((f) => f.name).sort()).toEqual(['centers.xlsx', 'old.doc', 'old.xls', 'ratings.csv', 'report.docx', 'report.html']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
