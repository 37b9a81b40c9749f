import { docsUrlFor } from './rule';
import type { Finding } from './types';

/**
 * Findings on their way from a scan worker to the main thread, made smaller: structured cloning
 * copies every string of every finding, and most of a finding's bytes are the same for many
 * findings. The advice (a few dozen distinct texts of a few hundred characters, for thousands of
 * findings) travels once, then as an index into a table each side builds up in the same order;
 * the file (the request's) and the docs address (the rule's) are left out and put back.
 */
export interface PackedFindings {
  /** Each finding's advice, as an index into the table. */
  advice: number[];
}

/** The worker's side: one per worker, for all its batches. */
export class FindingPacker {
  private readonly ids = new Map<string, number>();
  private added: string[] = [];

  /** Strips what travels apart from `findings` (changed in place: they are about to be sent). */
  pack(findings: Finding[]): PackedFindings {
    const advice = findings.map((f) => {
      let id = this.ids.get(f.advice);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(f.advice, id);
        this.added.push(f.advice);
      }
      f.advice = '';
      f.docsUrl = '';
      f.file = '';
      return id;
    });
    return { advice };
  }

  /** The table entries added since the last call: sent with the batch, before its findings are read. */
  takeAdded(): string[] {
    const added = this.added;
    this.added = [];
    return added;
  }
}

/** The main thread's side: one per worker. */
export class FindingUnpacker {
  private readonly table: string[] = [];

  addStrings(added: readonly string[]): void {
    for (const s of added) this.table.push(s);
  }

  /** Puts back what `pack` took out. */
  unpack(findings: Finding[], packed: PackedFindings, file: string): void {
    findings.forEach((f, i) => {
      f.advice = this.table[packed.advice[i]];
      f.docsUrl = docsUrlFor(f.ruleId);
      f.file = file;
    });
  }
}
