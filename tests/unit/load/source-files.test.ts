import { describe, expect, it } from 'vitest';
import { pickDataFiles } from '../../../src/lib/load/source-files.ts';

const entries = (...paths: string[]) => paths.map((path) => ({ path, file: path }));

describe('pickDataFiles(entries)', () => {
  it('reads the CSVs and reports of a saved folder in path order and names what it skips', () => {
    const picked = pickDataFiles(
      entries('reports/2020/konan.HTML', 'reports/2020/konan_files/style.css', 'reports/2019/konan.mhtml', 'reports/ratings.csv', 'reports/2020/konan_files/logo.png', 'reports/memo.txt', 'reports/2021/konan.md', 'reports/2022/konan.webarchive', 'reports/評価.xlsx', 'reports/old.doc', 'reports/old.xls', 'reports/slides.ppt', 'reports/2023/konan.docx', 'reports/様式.xlsm'),
    );
    expect(picked.files.map((f) => f.path)).toEqual(['reports/2019/konan.mhtml', 'reports/2020/konan.HTML', 'reports/2021/konan.md', 'reports/2022/konan.webarchive', 'reports/2023/konan.docx', 'reports/memo.txt', 'reports/old.doc', 'reports/old.xls', 'reports/ratings.csv', 'reports/様式.xlsm', 'reports/評価.xlsx']);
    expect(picked.skipped).toEqual(['reports/2020/konan_files/logo.png', 'reports/2020/konan_files/style.css', 'reports/slides.ppt']);
  });

  it('a file chosen on its own is always read, so a slide deck gets its message', () => {
    expect(pickDataFiles(entries('slides.ppt', 'b.csv')).files.map((f) => f.path)).toEqual(['b.csv', 'slides.ppt']);
  });

  it('skips and names the lock files Excel and Word leave beside an open file, on Windows or a Mac', () => {
    const picked = pickDataFiles(entries('年度/~$評価.xlsx', '年度/評価.xlsx', '年度\\~$報告書.docx', '年度/報告書.docx', '年度/.~lock.様式.ods#'));
    expect(picked.files.map((f) => f.path)).toEqual(['年度/報告書.docx', '年度/評価.xlsx']);
    // LibreOffice's lock file is a hidden dot file: left out as the system's files are.
    expect(picked.skipped).toEqual(['年度/~$評価.xlsx', '年度\\~$報告書.docx']);
  });

  it('leaves out, without naming them, the files a Mac or Windows adds to a folder; a file chosen on its own is still read', () => {
    const picked = pickDataFiles(entries('年度/評価.csv', '年度/.DS_Store', '年度/Thumbs.db', '年度\\desktop.ini', '__MACOSX/年度/._評価.csv', '年度/写真.jpg'));
    expect(picked.files.map((f) => f.path)).toEqual(['年度/評価.csv']);
    expect(picked.skipped).toEqual(['年度/写真.jpg']);
    expect(pickDataFiles(entries('.hidden.csv')).files.map((f) => f.path)).toEqual(['.hidden.csv']);
  });
});
