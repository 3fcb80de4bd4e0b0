// Everything learned from valid records in the same streaming pass as validation: per-file
// statistics and record index, duplicates and leakage (reported as issues at the record's line).
import { Deduper, type DedupeOptions, type DedupeSummary } from "./dedupe.js";
import { recordTexts } from "./formats.js";
import type { LeakageIndex, LeakageSummary } from "./leakage.js";
import { StatsCollector, whitespaceTokens, type TokenCounter } from "./stats.js";
import { formatLocation } from "./types.js";
import type { DatasetValidator } from "./validate.js";

export interface ProfileOptions {
  dedupe: DedupeOptions | null;
  leakage: LeakageIndex | null;
  /** Leakage is an error unless allowed (then a warning). */
  allowLeakage: boolean;
  /** Duplicates are warnings unless this makes them errors. */
  failOnDuplicates: boolean;
  tokens: TokenCounter;
  tokenUnit: string;
  indexLimit: number;
}

export const defaultProfileOptions: ProfileOptions = {
  dedupe: null,
  leakage: null,
  allowLeakage: false,
  failOnDuplicates: false,
  tokens: whitespaceTokens,
  tokenUnit: "whitespace tokens",
  indexLimit: 100_000,
};

export class DataProfiler {
  private readonly stats = new Map<string, StatsCollector>();
  private readonly deduper: Deduper | null;
  readonly opts: ProfileOptions;

  constructor(opts: Partial<ProfileOptions> = {}) {
    this.opts = { ...defaultProfileOptions, ...opts };
    this.deduper = this.opts.dedupe ? new Deduper(this.opts.dedupe) : null;
  }

  attach(v: DatasetValidator): this {
    v.onRecord((rec, ctx) => {
      let s = this.stats.get(ctx.file);
      if (!s) this.stats.set(ctx.file, (s = new StatsCollector(this.opts.tokens, this.opts.tokenUnit, this.opts.indexLimit)));
      s.add(rec, ctx.format);
      if (!this.deduper && !this.opts.leakage) return;
      const texts = recordTexts(ctx.format, rec);
      const dup = this.deduper?.check(texts.full, ctx);
      if (dup) {
        v.addIssue(ctx, this.opts.failOnDuplicates ? "error" : "warning", `duplicate_${dup.kind}`, "", `${dup.kind === "exact" ? "exact" : `near (Jaccard ≈ ${dup.similarity.toFixed(2)})`} duplicate of ${formatLocation(dup.of)}`);
      }
      const leak = this.opts.leakage?.check(texts.prompt, texts.full, ctx);
      if (leak) {
        v.addIssue(ctx, this.opts.allowLeakage ? "warning" : "error", "leakage", "", leak.kind === "contained"
            ? `contains the words of eval case ${JSON.stringify(leak.caseId)} in order (another template around the same input); evaluation cases must not be trained on`
            : `${leak.kind} match with eval case ${JSON.stringify(leak.caseId)} (${leak.on === "prompt" ? "prompt vs case input" : "whole record vs case"}, similarity ${leak.similarity.toFixed(2)}); evaluation cases must not be trained on`);
      }
    });
    return this;
  }

  statsFor(file: string): StatsCollector {
    return this.stats.get(file) ?? new StatsCollector(this.opts.tokens, this.opts.tokenUnit, this.opts.indexLimit);
  }

  duplicates(): DedupeSummary | null {
    return this.deduper?.result() ?? null;
  }

  leakage(): LeakageSummary | null {
    return this.opts.leakage?.result() ?? null;
  }
}
