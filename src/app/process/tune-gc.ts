// V8's allocation-site pretenuring, switched off for the process. At a scavenge V8 counts, per
// object or array literal in the code, how many of the objects it made since the last one are
// still alive; a site whose objects mostly are is "tenured": its objects are made in the old
// generation from then on. An eval run fools it: each request's objects (the job, its messages,
// the request's headers and closures) live for the request's round trip plus the read-ahead, as
// long as a scavenge interval early in a run, so a burst (a GC pause, the first hedges) tips a few
// hundred sites into tenuring. Those objects still die within milliseconds, but as old objects:
// everything young they point at survives every scavenge until a full collection. Measured
// (`node --trace-gc-nvp --trace-pretenuring`, 50k cases against the bench's loopback server):
// when the sites tip (about half the runs) 275 MB is promoted instead of 60–100 MB, scavenges take
// twice as long (1.1–1.5 s against 0.5 s), CPU is 20–40% higher and peak RSS 10–30 MB more; with
// pretenuring off, no run tipped (8 of 8). The flag is read at each collection, so setting it once
// at start is enough; it changes where objects are made, never what a program computes.
import { setFlagsFromString } from "node:v8";

export function tuneGarbageCollector(): void {
  try {
    setFlagsFromString("--no-allocation-site-pretenuring");
  } catch {
    /* an embedder that refuses V8 flags runs with V8's defaults */
  }
}
