import { INSTANCE_SIZE_HINTS, mayHaveInstanceType } from '../../core/catalog';
import { defineAnalyzer } from '../../core/rule';
import { configInstanceType } from './rules/instance-type';
import { configFormat, configParser, type ParsedConfig } from './values';


/**
 * The generic analyzer, listed last: instance types in any structured config file that no
 * specific analyzer understands better (same-range findings of earlier analyzers win). Never
 * reads Python, TypeScript or other source code.
 */
export const configAnalyzer = defineAnalyzer<ParsedConfig>({
  id: 'config',
  matches: (rel) => configFormat(rel) !== undefined,
  precheck: (text) => mayHaveInstanceType(text),
  triggerWords: { words: INSTANCE_SIZE_HINTS },
  generic: true,
  parser: configParser,
  rules: [configInstanceType],
});
