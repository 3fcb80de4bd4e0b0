// A full garbage collection on request, for streaming passes over millions of records: their live
// data is small, but V8 lets the old generation grow to several times it before collecting (all
// of it garbage: records parsed, checked and dropped), and that growth is the process's peak RSS.
// Collecting at a pass's natural boundaries (a partition, 64k lines) keeps the peak near what is
// live, for a few milliseconds each (measured in bench/eval-scale.mjs).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
