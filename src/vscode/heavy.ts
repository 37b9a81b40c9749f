/**
 * Everything heavy (parsers, analyzers, the instance catalog, pricing, report formatters), loaded
 * on first use with `require('./heavy')` so that activation stays light: the bundle keeps this
 * module in a file of its own (dist/heavy.js), not evaluated until then.
 */
export { analyzeDocument, scanFolder, type ScanResult, type ScanProgress } from '../core/engine';
export { SourceDocument } from '../core/document';
export { WorkerPool, DocumentWorker, FILES_IN_FLIGHT_PER_WORKER } from '../core/worker-pool';
export { releaseDocument } from '../core/open-documents';
export { setCodeCacheDir } from '../core/code-cache';
export { CancelledError } from '../core/discovery';
export { ScanCache, defaultScanCacheFile } from '../core/scan-cache';
export { RipgrepPrefilter, bundledRipgrepCandidates, describeRipgrep, findExecutable, ripgrepOnPath } from '../core/ripgrep';
export { parseConfigText, ConfigError, CONFIG_FILE_NAME } from '../core/config';
export { allAnalyzers, ruleDescriptors } from '../analyzers/index';
export { cdkAppOf } from '../analyzers/cdk/app';
export { buildReport, formatReport, type ReportDocument, type ReportFormat } from '../report/index';
export { priceFindings } from '../report/model';
export { buildViewModel } from '../report/view-model';
export { loadActiveSnapshot, defaultCacheDir } from '../pricing/cache';
export { setActiveSnapshot } from '../pricing/snapshot-info';
export { embeddedSnapshot } from '../pricing/snapshot';
export { loadPriceOverrides } from '../pricing/overrides';
export { writeFileAtomic } from '../core/atomic-write';
export { refreshPrices, RefreshError } from '../pricing/refresh';
export { pricingLabel } from '../pricing/estimate';
export { instanceHoverMarkdown } from './hover-content';
export { instanceTypeAt } from './instance-token';
export { lensesFor } from './lens-content';
export { default as picomatch } from 'picomatch';

export type Heavy = typeof import('./heavy');
