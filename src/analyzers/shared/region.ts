/** An AWS region code as code writes one (us-east-1, us-gov-west-1, us-iso-east-1). */
const REGION_RE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Whether a string from the code is a region code (what analyzers take as a finding's region). */
export function isRegion(s: string | undefined): s is string {
  return !!s && REGION_RE.test(s);
}
