import { describe, expect, it } from 'vitest';
import { DatasetError, datasetFolder } from '../../../src/lib/db/remote-dataset.ts';

const PAGE = 'https://city.example.jp/dashboard/?view=map';

describe('datasetFolder()', () => {
  it('resolves a folder relative to the page, with its trailing slash', () => {
    expect(datasetFolder('./datasets/national', PAGE).href).toBe('https://city.example.jp/dashboard/datasets/national/');
    expect(datasetFolder('/data/2025/', PAGE).href).toBe('https://city.example.jp/data/2025/');
  });

  it('refuses another host unless the build listed it', () => {
    expect(() => datasetFolder('https://data.example.org/national/', PAGE)).toThrow(DatasetError);
    expect(() => datasetFolder('//data.example.org/x/', PAGE)).toThrow(/dataset_other_origin/);
    expect(datasetFolder('https://data.example.org/national/', PAGE, ['https://data.example.org']).href).toBe('https://data.example.org/national/');
    expect(() => datasetFolder('http://data.example.org/national/', PAGE, ['https://data.example.org'])).toThrow(DatasetError);
  });
});
