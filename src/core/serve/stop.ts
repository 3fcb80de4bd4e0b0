// Stop strings over streamed text: emit what cannot be the start of a stop string, hold back the
// rest, and cut at the first stop string (which is not part of the output, as in OpenAI's API).

export class StopMatcher {
  private pending = "";
  stopped = false;
  constructor(private readonly stops: readonly string[]) {}

  /** Feed new text; returns the text safe to emit now. */
  push(text: string): string {
    if (this.stopped) return "";
    this.pending += text;
    let cut = -1;
    for (const s of this.stops) {
      if (!s) continue;
      const at = this.pending.indexOf(s);
      if (at >= 0 && (cut < 0 || at < cut)) cut = at;
    }
    if (cut >= 0) {
      this.stopped = true;
      const out = this.pending.slice(0, cut);
      this.pending = "";
      return out;
    }
    // Hold back the longest suffix that is a prefix of some stop string.
    let hold = 0;
    for (const s of this.stops) {
      for (let k = Math.min(s.length - 1, this.pending.length); k > hold; k--) {
        if (this.pending.endsWith(s.slice(0, k))) {
          hold = k;
          break;
        }
      }
    }
    const out = this.pending.slice(0, this.pending.length - hold);
    this.pending = this.pending.slice(this.pending.length - hold);
    return out;
  }

  /** At the end of generation: whatever was held back was not a stop string after all. */
  flush(): string {
    const out = this.stopped ? "" : this.pending;
    this.pending = "";
    return out;
  }
}
