// `llmops eval merge <dirs…>`: join the run directories of `eval --shard I/N` into one run, as if
// the suite had been evaluated in one go: the records in the suite's order, one summary over all
// of them. Refuses overlaps, gaps and shards of different suites (or of a suite changed since).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { evalShardFormat } from "../../core/contracts/added-formats.js";
import type { EvalShard } from "../../core/contracts/eval-shard.js";
import { checkShardSet } from "../../core/eval/shard.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { computeSummary } from "../../core/eval/summary.js";
import type { EvalRecord, RunSummary } from "../../core/eval/types.js";
import { InputError } from "../../errors.js";
import { JsonlResultsStore } from "../../adapters/fs/jsonl-results-store.js";
import { loadSuite } from "./load-suite.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import { writeResultLine } from "../../core/contracts/result-line.js";

export interface MergeResult {
  outDir: string;
  summary: RunSummary;
  shards: number;
  records: number;
}

export async function mergeShards(o: { dirs: string[]; out: string; cwd: string }): Promise<MergeResult> {
  if (o.dirs.length < 1) throw new InputError("llmops eval merge: name the shard run directories to merge", { hint: "llmops eval merge shard-1 shard-2 … --out DIR" });
  const shards = o.dirs.map((d) => ({ dir: d, abs: resolve(o.cwd, d), shard: readShard(resolve(o.cwd, d), d) }));
  const problems = checkShardSet(shards);
  if (problems.length) {
    throw new InputError(`cannot merge these shards:\n  ${problems.join("\n  ")}`, { hint: "pass every shard 1..N of one run of one suite, each once" });
  }
  const first = shards[0]!.shard;
  const loaded = await loadSuite(first.suite.file, o.cwd);
  if (loaded.hashes.suite !== first.suite.hash) {
    throw new InputError(`${first.suite.file} changed since the shards ran (hash ${loaded.hashes.suite.slice(0, 19)}…, the shards say ${first.suite.hash.slice(0, 19)}…)`, {
      hint: "merge with the suite the shards were evaluated with (check out that commit), or rerun the shards",
    });
  }
  const order = loaded.cases.ids;
  const records: EvalRecord[] = [];
  const summaries: RunSummary[] = [];
  for (const s of shards) {
    const own = new Set(s.shard.case_ids);
    new JsonlResultsStore(join(s.abs, "results.jsonl")).load((r) => {
      if (!own.has(r.case_id)) throw new InputError(`${s.dir}/results.jsonl holds case ${r.case_id}, which is not in its shard ${s.shard.index}/${s.shard.count}`, { hint: "the directory was reused by another run; rerun that shard into a fresh --out" });
      records.push(r);
    });
    summaries.push(summaryFormat.parse(readFileSync(join(s.abs, "summary.json"), "utf8"), join(s.dir, "summary.json")));
  }
  records.sort((a, b) => order.get(a.case_id) - order.get(b.case_id) || a.repeat - b.repeat);
  const prov = summaries[0]!.provenance;
  const starts = summaries.map((s) => s.provenance.started_at).sort();
  const ends = summaries.map((s) => s.provenance.finished_at).sort();
  const summary = computeSummary({
    suite: summaries[0]!.suite,
    cases: first.total_cases,
    repeats: loaded.suite.repeats,
    records,
    scorers: createScorers(loaded.suite.scorers),
    configs: Object.fromEntries(createScorers(loaded.suite.scorers).map((sc, i) => [sc.name, loaded.suite.scorers[i] as Record<string, unknown>])),
    currency: summaries[0]!.cost?.currency,
    provenance: { ...prov, started_at: starts[0]!, finished_at: ends.at(-1)! },
    bootstrapResamples: 2000,
  });
  const outDir = resolve(o.cwd, o.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "results.jsonl"), records.map(writeResultLine).join(""));
  writeFileSync(join(outDir, "summary.json"), summaryFormat.serialize(summary));
  return { outDir, summary, shards: shards.length, records: records.length };
}

function readShard(abs: string, dir: string): EvalShard {
  const p = join(abs, "shard.json");
  if (!existsSync(p)) {
    throw new InputError(`${dir} has no shard.json: it is not the run directory of \`llmops eval --shard I/N\``, { hint: "merge only sharded runs; an unsharded run is already whole" });
  }
  return evalShardFormat.parse(readFileSync(p, "utf8"), p);
}
