/**
 * The shape of an EC2 instance type name: `<family>.<size>`, optionally with SageMaker's `ml.`
 * prefix. A family is a known series (c, m, r, p, g, trn, inf …), a generation digit and optional
 * attribute letters (c7gn, p4de, x2iezn), plus the few dashed forms AWS uses (c7i-flex, p6-b200,
 * p6e-gb200, mac2-m2pro, u7i-12tb, u-6tb1, mac-m4). Requiring a known series is what keeps
 * "main.py", "v1.2", "setup.cfg" or "config.large" out.
 */

/** EC2 series letters, longest alternatives resolved by the generation digit that must follow. */
const SERIES = ['a', 'c', 'd', 'dl', 'f', 'g', 'gr', 'h', 'hpc', 'i', 'im', 'inf', 'is', 'm', 'mac', 'p', 'r', 't', 'trn', 'u', 'vt', 'x', 'z'];

const SERIES_ALT = SERIES.slice().sort((a, b) => b.length - a.length).join('|');
/** -flex, -b200, -gb200, -m2pro, -m1ultra, -12tb */
const VARIANT = '-(?:flex|[a-z]{1,2}\\d{2,3}|m\\d[a-z]*|\\d{1,3}tb)';
const FAMILY = `(?:(?:${SERIES_ALT})[1-9]\\d?[a-z]*(?:${VARIANT})?|u-[1-9]\\d?tb[1-9]|mac-m[1-9][a-z]*)`;
/** Size words AWS uses: nano … xlarge, 2xlarge … 112xlarge, metal, metal-24xl. */
const SIZE = '(?:nano|micro|small|medium|large|xlarge|(?:[2-9]|[1-9]\\d{1,2})xlarge|metal(?:-[1-9]\\d{0,2}xl)?)';

/** A whole, well-formed instance type token, with optional `ml.` prefix. Not global. */
export const INSTANCE_TYPE_RE = new RegExp(`^(?:ml\\.)?${FAMILY}\\.${SIZE}$`);

/**
 * Finds candidate instance types inside text. Global (mind `lastIndex`, or use `matchAll`).
 * Word-bounded, and also not part of a longer dotted name: "db.r5.large" (RDS),
 * "cache.m5.large" (ElastiCache) and "r6g.large.search" (OpenSearch) are other services.
 */
export const INSTANCE_TYPE_SCAN_RE = new RegExp(`(?<![\\w.-])(?:ml\\.)?${FAMILY}\\.${SIZE}(?![\\w-]|\\.\\w)`, 'g');

const SCAN_ONCE = new RegExp(INSTANCE_TYPE_SCAN_RE.source);

/**
 * Whether the text may hold an instance type: a cheap pre-check for analyzers. Every size word
 * contains "large" or follows a dot (".nano" … ".metal"); plain substring searches run an order of
 * magnitude faster than the full pattern, which then only runs on text that passes them.
 */
export function mayHaveInstanceType(text: string): boolean {
  if (!INSTANCE_SIZE_HINTS.some((w) => text.includes(w))) return false;
  return SCAN_ONCE.test(text);
}

/** Words one of which every instance type contains (see mayHaveInstanceType); analyzers' trigger words too. */
export const INSTANCE_SIZE_HINTS: readonly string[] = ['large', '.nano', '.micro', '.small', '.medium', '.metal'];

const FAMILY_PARTS_RE = new RegExp(`^(${SERIES_ALT})([1-9]\\d?)([a-z]*)(?:-(.+))?$`);

export interface TypeNameParts {
  name: string;
  ec2Type: string;
  sagemaker: boolean;
  family: string;
  size: string;
  /** "c" in c7gn, "trn" in trn1n, "p" in p6-b200. */
  series: string;
  generation: number | null;
  /** Letters after the generation: "gn" in c7gn, "de" in p4de. */
  attributes: string;
  /** After the dash: "flex", "b200", "gb200", "m2pro", "12tb", "6tb1", "m4". */
  variant: string;
}

/** Splits a well-formed type name into its parts; undefined when it is not one. */
export function parseTypeName(text: string): TypeNameParts | undefined {
  if (!INSTANCE_TYPE_RE.test(text)) return undefined;
  const sagemaker = text.startsWith('ml.');
  const ec2Type = sagemaker ? text.slice(3) : text;
  const dot = ec2Type.indexOf('.');
  const family = ec2Type.slice(0, dot);
  const size = ec2Type.slice(dot + 1);
  const base = { name: text, ec2Type, sagemaker, family, size };
  const special = /^(u|mac)-(.+)$/.exec(family);
  if (special) return { ...base, series: special[1]!, generation: null, attributes: '', variant: special[2]! };
  const m = FAMILY_PARTS_RE.exec(family);
  if (!m) return undefined; // unreachable while FAMILY and FAMILY_PARTS_RE agree
  return { ...base, series: m[1]!, generation: Number(m[2]), attributes: m[3]!, variant: m[4] ?? '' };
}

/**
 * How many "xlarge units" a size is (xlarge = 1, 24xlarge = 24, large = 0.5 …), for sizing when
 * specs are unknown. Metal sizes return their "-Nxl" figure, or undefined for plain "metal".
 */
export function sizeUnits(size: string): number | undefined {
  const words: Record<string, number> = { nano: 1 / 16, micro: 1 / 8, small: 1 / 4, medium: 1 / 4, large: 1 / 2, xlarge: 1 };
  if (Object.hasOwn(words, size)) return words[size];
  const n = /^(\d+)xlarge$/.exec(size) ?? /^metal-(\d+)xl$/.exec(size);
  return n ? Number(n[1]) : undefined;
}
