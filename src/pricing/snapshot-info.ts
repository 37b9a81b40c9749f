import { embeddedSnapshot, snapshotRegions, type PriceSnapshot } from './snapshot';

/**
 * The snapshot this process prices with. The embedded one unless a face (CLI, editor) selects
 * another once at start-up, usually `setActiveSnapshot(loadActiveSnapshot(cacheDir))`, so that the
 * report header and every estimate quote the same source and date.
 */
let active: PriceSnapshot | undefined;

export function setActiveSnapshot(snapshot: PriceSnapshot | undefined): void {
  active = snapshot;
}

export function activeSnapshot(): PriceSnapshot {
  return active ?? embeddedSnapshot();
}

export interface SnapshotInfo {
  /** Short name: "SkyPilot catalog snapshot", "AWS Price List". */
  label: string;
  source: string;
  asOf: string;
  asOfNote: string;
  regions: string[];
}

/** Where the active prices come from and how old they are, for report headers. */
export function activeSnapshotInfo(): SnapshotInfo {
  const s = activeSnapshot();
  return { label: s.label, source: s.source, asOf: s.asOf, asOfNote: s.asOfNote, regions: snapshotRegions(s) };
}
