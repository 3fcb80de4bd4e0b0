// `llmops eval merge <dirs…>`: join the run directories of `eval --shard I/N` into one run, as if
// the suite had been evaluated in one go: the records in the suite's order, one summary over all
// of them. Refuses overlaps, gaps and shards of different suites (or of a suite changed since).
// Streams: only where each record lies is held (40 bytes a record), never the records.
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { evalShardFormat } from "../../core/contracts/added-formats.js";
import type { EvalShard } from "../../core/contracts/eval-shard.js";
import { checkShardSet } from "../../core/eval/shard.js";
import { createScorers } from "../../core/eval/scorers/registry.js";
import { SummaryAccumulator } from "../../core/eval/summary.js";
import type { RunSummary } from "../../core/eval/types.js";
import { F64List } from "../../core/compare/paired-stream.js";
import { InputError } from "../../errors.js";
import { JsonlResultsStore } from "../../adapters/fs/jsonl-results-store.js";
import { loadSuite } from "./load-suite.js";
import { summaryFormat } from "../../core/contracts/summary.js";
import { resultLineFormat, writeResultLine } from "../../core/contracts/result-line.js";

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
  const repeats = loaded.suite.repeats;
  // Where each record lies (shard, offset, length) and its place in the suite's order: 40 bytes a
  // record, never the records; they are copied to the output in that order and summarised as they go.
  const at = { index: new F64List(), repeat: new F64List(), shard: new F64List(), offset: new F64List(), length: new F64List() };
  const summaries: RunSummary[] = [];
  shards.forEach((s, si) => {
    const own = new Set(s.shard.case_ids);
    new JsonlResultsStore(join(s.abs, "results.jsonl")).load((r, loc) => {
      if (!own.has(r.case_id)) throw new InputError(`${s.dir}/results.jsonl holds case ${r.case_id}, which is not in its shard ${s.shard.index}/${s.shard.count}`, { hint: "the directory was reused by another run; rerun that shard into a fresh --out" });
      at.index.push(order.get(r.case_id));
      at.repeat.push(r.repeat);
      at.shard.push(si);
      at.offset.push(loc.offset);
      at.length.push(loc.length);
    });
    summaries.push(summaryFormat.parse(readFileSync(join(s.abs, "summary.json"), "utf8"), join(s.dir, "summary.json")));
  });
  const [index, repeat, shardOf, offset, length] = [at.index.view(), at.repeat.view(), at.shard.view(), at.offset.view(), at.length.view()];
  // A stable sort: records of one case and repeat keep their shard-then-file order.
  const sorted = Uint32Array.from(index, (_, i) => i).sort((a, b) => index[a]! - index[b]! || repeat[a]! - repeat[b]! || a - b);
  const prov = summaries[0]!.provenance;
  const starts = summaries.map((s) => s.provenance.started_at).sort();
  const ends = summaries.map((s) => s.provenance.finished_at).sort();
  const scorers = createScorers(loaded.suite.scorers);
  const acc = new SummaryAccumulator(scorers, repeats);
  const outDir = resolve(o.cwd, o.out);
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, "results.jsonl");
  writeFileSync(outFile, "");
  const fds = shards.map((s) => openSync(join(s.abs, "results.jsonl"), "r"));
  try {
    let batch: string[] = [];
    let size = 0;
    for (const i of sorted) {
      const buf = Buffer.allocUnsafe(length[i]!);
      readSync(fds[shardOf[i]!]!, buf, 0, buf.length, offset[i]!);
      const record = resultLineFormat.parseValue(JSON.parse(buf.toString("utf8")), `${shards[shardOf[i]!]!.dir}/results.jsonl`);
      acc.add(record);
      const line = writeResultLine(record);
      batch.push(line);
      size += line.length;
      if (size > 1 << 20) {
        appendFileSync(outFile, batch.join(""));
        batch = [];
        size = 0;
      }
    }
    appendFileSync(outFile, batch.join(""));
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  const summary = acc.summary({
    suite: summaries[0]!.suite,
    cases: first.total_cases,
    repeats,
    scorers,
    configs: Object.fromEntries(scorers.map((sc, i) => [sc.name, loaded.suite.scorers[i] as Record<string, unknown>])),
    currency: summaries[0]!.cost?.currency,
    provenance: { ...prov, started_at: starts[0]!, finished_at: ends.at(-1)! },
    bootstrapResamples: 2000,
  });
  writeFileSync(join(outDir, "summary.json"), summaryFormat.serialize(summary));
  const records = sorted.length;
  return { outDir, summary, shards: shards.length, records };
}

function readShard(abs: string, dir: string): EvalShard {
  const p = join(abs, "shard.json");
  if (!existsSync(p)) {
    throw new InputError(`${dir} has no shard.json: it is not the run directory of \`llmops eval --shard I/N\``, { hint: "merge only sharded runs; an unsharded run is already whole" });
  }
  return evalShardFormat.parse(readFileSync(p, "utf8"), p);
}
