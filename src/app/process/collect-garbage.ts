// A full garbage collection on request, for streaming passes over millions of records: their live
// data is small, but V8 lets the old generation grow to several times it before collecting (all
// of it garbage: records parsed, checked and dropped), and that growth is the process's peak RSS.
// Collecting at a pass's natural boundaries (a partition, 64k lines) keeps the peak near what is
// live, for a few milliseconds each (measured in bench/eval-scale.mjs).
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
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

/** Bytes in use in V8's old generation now. */
function oldSpaceUsed(): number {
  for (const s of getHeapSpaceStatistics()) if (s.space_name === "old_space") return s.space_used_size;
  return 0;
}

/**
 * A full collection whenever the old generation has grown `headroom` bytes past the least it held
 * since the last one. V8 lets it grow to 3–4× what is live before it collects by itself; in an
 * eval at a million cases that saw-tooth (old space 20 → 75 MB and back, every few seconds) is the
 * peak RSS. A collection with ~20 MB live takes 10–20 ms, about once a second at a million cases:
 * what V8 would do anyway, a little earlier. `check()` is cheap enough for every few thousand items
 * of a synchronous loop (a timer never fires inside one).
 */
export class HeapCap {
  private floor = oldSpaceUsed();
  constructor(private readonly headroom = 24 << 20) {}

  check(): void {
    const used = oldSpaceUsed();
    if (used < this.floor) this.floor = used; // V8 collected by itself
    else if (used - this.floor > this.headroom) {
      collectGarbage();
      this.floor = oldSpaceUsed();
    }
  }
}

/** A HeapCap checked every `everyMs` while a long asynchronous pass runs (an eval); returns the function that stops it. */
export function capHeapGrowth(headroom = 24 << 20, everyMs = 250): () => void {
  const cap = new HeapCap(headroom);
  const timer = setInterval(() => cap.check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
