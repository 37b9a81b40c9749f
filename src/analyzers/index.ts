import type { Analyzer } from '../core/rule';
import { pythonAnalyzer } from './python';

/**
 * Every analyzer, in priority order: when two see the same token, the earlier one's finding is
 * kept, so specific analyzers come before generic ones.
 */
export const allAnalyzers: readonly Analyzer[] = [pythonAnalyzer as Analyzer];
