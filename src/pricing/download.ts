/**
 * HTTP downloads with the checks a refresh needs: status 200, a byte limit, a complete body
 * (Content-Length honoured) and valid UTF-8. Chunks are handed over as they arrive, so a
 * multi-gigabyte file is never held in memory.
 */

export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`${url}: ${detail}`);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  fetchImpl: FetchLike;
  maxBytes: number;
  signal?: AbortSignal;
}

/** Cancellation passes through untouched: it is not a download failure. */
function rethrowAbort(err: unknown): void {
  if ((err as Error | undefined)?.name === 'AbortError') throw err;
}

function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error && cause.message !== err.message ? `${err.message} (${cause.message})` : err.message;
}

/** Streams the body of `url` as text chunks to `onText`; throws DownloadError on any failure. */
export async function downloadText(url: string, opts: DownloadOptions, onText: (chunk: string) => void): Promise<{ bytes: number }> {
  let res: Response;
  try {
    res = await opts.fetchImpl(url, opts.signal ? { signal: opts.signal } : {});
  } catch (err) {
    rethrowAbort(err);
    throw new DownloadError(url, `request failed: ${describeCause(err)}`);
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(url, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} (expected 200)`);
  }
  const declaredHeader = res.headers.get('content-length');
  const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
  const declared = declaredHeader !== null && /^\d+$/.test(declaredHeader) ? Number(declaredHeader) : undefined;
  if (declared !== undefined && !encoded && declared > opts.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError(url, `too large: ${declared} bytes declared, the limit is ${opts.maxBytes}`);
  }
  if (!res.body) throw new DownloadError(url, 'empty response body');

  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (err) {
        rethrowAbort(err);
        throw new DownloadError(url, `download interrupted after ${bytes} bytes (truncated): ${describeCause(err)}`);
      }
      if (step.done) break;
      bytes += step.value.byteLength;
      if (bytes > opts.maxBytes) throw new DownloadError(url, `too large: more than the limit of ${opts.maxBytes} bytes`);
      let text: string;
      try {
        text = decoder.decode(step.value, { stream: true });
      } catch {
        throw new DownloadError(url, `not valid UTF-8 near byte ${bytes}`);
      }
      if (text) onText(text);
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new DownloadError(url, 'ends inside a UTF-8 character (truncated)');
    }
    if (tail) onText(tail);
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  if (declared !== undefined && !encoded && bytes < declared) {
    throw new DownloadError(url, `truncated: received ${bytes} of ${declared} bytes`);
  }
  return { bytes };
}

/** Downloads a small document whole (the offer and region indexes). */
export async function downloadSmallText(url: string, opts: DownloadOptions): Promise<string> {
  const parts: string[] = [];
  await downloadText(url, opts, (t) => parts.push(t));
  return parts.join('');
}
