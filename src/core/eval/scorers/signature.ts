// sacreBLEU-style reproducibility signatures ("nrefs:1|case:mixed|…|version:…"). We keep
// sacreBLEU's field names and order but mark the implementation as ours in `version`.
import { VERSION } from "../../../version.js";

export const SIGNATURE_VERSION = `llmops-${VERSION}`;

/**
 * Remembers how many references the scored samples had, for the `nrefs` field: a number when all
 * samples had the same count, "var" otherwise (as sacreBLEU prints), "var" before any sample.
 */
export class ReferenceCountTracker {
  private readonly seen = new Set<number>();
  note(count: number): void {
    if (this.seen.size < 2) this.seen.add(count);
  }
  get nrefs(): string {
    return this.seen.size === 1 ? String([...this.seen][0]) : "var";
  }
}

export function formatSignature(fields: ReadonlyArray<readonly [string, string | number]>): string {
  return [...fields, ["version", SIGNATURE_VERSION] as const].map(([k, v]) => `${k}:${v}`).join("|");
}
