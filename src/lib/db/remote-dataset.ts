import { DATASET_FORMAT, firstViewPath, type DatasetManifest, type FetchBytes } from './dataset-files.ts';
import type { ViewSnapshot } from './first-view.ts';
import { errorMessage } from '../error-message.ts';

/** A dataset the page opened by URL (`?dataset=…`), and how its tables came in. */
export interface OpenedDataset {
  /** The dataset's folder, absolute, ending in `/`. */
  url: string;
  manifest: DatasetManifest;
}

/**
 * The dataset's folder from the `dataset` parameter, relative to the page. The page's own origin,
 * or one the build listed (`allowed`, also in the CSP's `connect-src`): a link must not make the
 * page fetch from a host the deployment did not choose.
 */
export function datasetFolder(param: string, page: string, allowed: readonly string[] = []): URL {
  const url = new URL(param.endsWith('/') ? param : `${param}/`, page);
  if (url.origin !== new URL(page).origin && !allowed.includes(url.origin)) throw new DatasetError('dataset_other_origin', url.href);
  return url;
}

export type DatasetErrorCode = 'dataset_other_origin' | 'dataset_unreachable' | 'dataset_http' | 'dataset_missing' | 'dataset_format';

/** Why a dataset could not be opened, with the URL it concerns (the UI words it, ja/en). */
export class DatasetError extends Error {
  constructor(
    readonly code: DatasetErrorCode,
    readonly url: string,
    readonly detail = '',
  ) {
    super(`${code}: ${url}${detail ? ` (${detail})` : ''}`);
  }
}

async function get(url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    // Offline and not fetched on an earlier visit (the service worker has no copy), or the host is down.
    throw new DatasetError('dataset_unreachable', url.href, errorMessage(error));
  }
  if (!response.ok) throw new DatasetError('dataset_http', url.href, String(response.status));
  // A static host that answers every path with the app's page (an SPA fallback) has no such file.
  if (response.headers.get('content-type')?.includes('text/html')) throw new DatasetError('dataset_missing', url.href);
  return response;
}

export async function fetchManifest(folder: URL): Promise<DatasetManifest> {
  const url = new URL('manifest.json', folder);
  const manifest = (await (await get(url)).json().catch(() => null)) as DatasetManifest | null;
  if (manifest?.format !== DATASET_FORMAT || !manifest.browser) throw new DatasetError('dataset_format', url.href, String(manifest?.format ?? 'not JSON'));
  return manifest;
}

/** Fetches a file of the dataset. */
export function datasetFetcher(folder: URL): FetchBytes {
  return async (path) => new Uint8Array(await (await get(new URL(path, folder))).arrayBuffer());
}

/** The view's first answers over the dataset, or none (a dataset built without them, or not reachable). */
export async function fetchFirstView(folder: URL, view: string): Promise<ViewSnapshot> {
  try {
    return (await (await get(new URL(firstViewPath(view), folder))).json()) as ViewSnapshot;
  } catch {
    return {};
  }
}
