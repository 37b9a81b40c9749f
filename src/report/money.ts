/** "$1,234.56"; "unknown" for null — never $0 for an unknown price. */
export function formatUsd(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unknown';
  const sign = n < 0 ? '−' : '';
  return `${sign}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function formatHourly(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'unknown';
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}/h`;
}

/** "saves $12.00" or "costs $3.00 more": a negative saving is said as what it is. */
export function describeSavings(n: number | null | undefined): string {
  if (n === null || n === undefined) return 'savings unknown';
  if (n < 0) return `costs ${formatUsd(-n)} more`;
  return `saves ${formatUsd(n)}`;
}
