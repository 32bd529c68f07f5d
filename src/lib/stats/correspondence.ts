import { Matrix, SingularValueDecomposition } from 'ml-matrix';

export interface CorrespondenceResult {
  /** Principal coordinates of the rows and of the columns, one array per point, one entry per dimension. */
  rows: number[][];
  columns: number[][];
  /** Principal inertia of each dimension (squared singular values), largest first. */
  inertia: number[];
  /** Total inertia (χ² / n). */
  total: number;
  /** Share of the total inertia each dimension explains. */
  explained: number[];
}

/**
 * Simple correspondence analysis of a contingency table (Greenacre 2007): the standardised residuals
 * S = D_r^−½ (P − r cᵀ) D_c^−½ are decomposed by SVD (ml-matrix); rows and columns are placed in
 * principal coordinates, F = D_r^−½ U Σ and G = D_c^−½ V Σ (the symmetric map). Rows and columns
 * that sum to zero must be left out beforehand. Each axis is oriented so that its most extreme
 * column point is positive: the same table always gives the same picture.
 */
export function correspondenceAnalysis(table: readonly (readonly number[])[], dimensions = 2): CorrespondenceResult {
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n <= 0) throw new Error('correspondence analysis of an empty table');
  const P = table.map((row) => row.map((v) => v / n));
  const r = P.map((row) => row.reduce((a, b) => a + b, 0));
  const c = P[0].map((_, j) => P.reduce((sum, row) => sum + row[j], 0));
  if (r.some((x) => x === 0) || c.some((x) => x === 0)) throw new Error('a row or column of the table sums to zero');
  const S = new Matrix(P.map((row, i) => row.map((p, j) => (p - r[i] * c[j]) / Math.sqrt(r[i] * c[j]))));
  const svd = new SingularValueDecomposition(S, { autoTranspose: true });
  const sigma = svd.diagonal;
  const U = svd.leftSingularVectors;
  const V = svd.rightSingularVectors;
  const kept = Math.min(dimensions, sigma.length);
  const inertiaAll = sigma.map((s) => s * s);
  const total = inertiaAll.reduce((a, b) => a + b, 0);
  const sign = Array.from({ length: kept }, (_, k) => {
    let extreme = 0;
    for (let j = 0; j < c.length; j++) if (Math.abs(V.get(j, k)) > Math.abs(extreme)) extreme = V.get(j, k);
    return extreme < 0 ? -1 : 1;
  });
  const rows = r.map((ri, i) => Array.from({ length: kept }, (_, k) => (sign[k] * U.get(i, k) * sigma[k]) / Math.sqrt(ri)));
  const columns = c.map((cj, j) => Array.from({ length: kept }, (_, k) => (sign[k] * V.get(j, k) * sigma[k]) / Math.sqrt(cj)));
  return { rows, columns, inertia: inertiaAll.slice(0, kept), total, explained: inertiaAll.slice(0, kept).map((x) => (total > 0 ? x / total : 0)) };
}
