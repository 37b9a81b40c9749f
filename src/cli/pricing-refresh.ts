import * as path from 'node:path';
import { loadConfig } from '../core/config';
import { defaultCacheDir } from '../pricing/cache';
import { refreshPrices, RefreshError } from '../pricing/refresh';
import type { RefreshArgs } from './args';
import type { Io } from './main';

/** `accel-advisor pricing refresh`: the only command that uses the network, and only when asked. */
export async function runPricingRefresh(args: RefreshArgs, io: Io): Promise<number> {
  const { config } = await loadConfig(io.cwd, args.config ? path.resolve(io.cwd, args.config) : undefined);
  const cacheDir = io.env.ACCEL_ADVISOR_CACHE_DIR ?? defaultCacheDir(io.env);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await refreshPrices({
      baseUrl: args.baseUrl ?? config.pricingBaseUrl,
      regions: args.regions,
      cacheDir,
      signal: controller.signal,
      onProgress: (m) => io.stderr.write(`${m}\n`),
    });
    io.stdout.write(`wrote ${result.priceCount} prices for ${result.regions.length} region(s), as of ${result.snapshot.asOf}, to ${result.file}\n`);
    return 0;
  } catch (err) {
    if (err instanceof RefreshError) {
      io.stderr.write(`accel-advisor: ${err.message}\n`);
      return 2;
    }
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
