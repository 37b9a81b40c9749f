/**
 * A small deterministic random generator for tests that make random edits: the same seed gives
 * the same edits, so a failing test fails the same way twice. `next()` is the generator's 31-bit
 * state (glibc's rand constants); `random()` that state as a fraction in [0, 1].
 */
export function seeded(seed: number): { next: () => number; random: () => number } {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) & 0x7fffffff);
  return { next, random: () => next() / 0x7fffffff };
}

/** Fractions in [0, 1] from `seeded(seed)`. */
export function random(seed: number): () => number {
  return seeded(seed).random;
}
