import { outcome, type Outcome } from './client';

/**
 * A file the gateway serves behind the bearer token (a label PDF): fetched with the session,
 * then handed to the browser as a download under `filename`.
 */
export async function download(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  filename: string,
): Promise<Outcome<Blob>> {
  const result = await outcome<Blob>(call);
  if (!result.ok) return result;
  const url = URL.createObjectURL(result.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // The click has handed the blob to the browser's download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return result;
}
