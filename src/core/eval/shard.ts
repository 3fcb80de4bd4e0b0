// Deterministic slices of a suite's cases for `llmops eval --shard I/N`: case i (0-based, in the
// suite's order) belongs to shard (i mod N) + 1, so every case is in exactly one shard and adding
// a case at the end never moves the others.
import type { EvalShard } from "../contracts/eval-shard.js";
import { InputError } from "../../errors.js";

export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(text: string, option = "--shard"): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`${option} must be I/N with 1 ≤ I ≤ N (e.g. 2/4), got ${JSON.stringify(text)}`, { hint: "in a matrix: --shard ${{ matrix.shard }}/4 with shard: [1, 2, 3, 4]" });
  }
  return { index, count };
}

export function shardCases<T>(cases: readonly T[], s: ShardSpec): T[] {
  return cases.filter((_, i) => i % s.count === s.index - 1);
}

/** Problems that make a set of shards unmergeable; empty when they are exactly one suite's 1..N. */
export function checkShardSet(shards: readonly { dir: string; shard: EvalShard }[]): string[] {
  const problems: string[] = [];
  if (shards.length === 0) return ["no shard directories given"];
  const first = shards[0]!.shard;
  for (const { dir, shard } of shards) {
    if (shard.suite.hash !== first.suite.hash) problems.push(`${dir} is a shard of suite ${shard.suite.name} (${shard.suite.hash.slice(0, 19)}…), not of ${first.suite.name} (${first.suite.hash.slice(0, 19)}…) like ${shards[0]!.dir}`);
    if (shard.count !== first.count) problems.push(`${dir} is shard ${shard.index}/${shard.count}, but ${shards[0]!.dir} is one of ${first.count}`);
  }
  if (problems.length) return problems;
  const seen = new Map<number, string>();
  for (const { dir, shard } of shards) {
    const other = seen.get(shard.index);
    if (other) problems.push(`overlap: ${other} and ${dir} are both shard ${shard.index}/${shard.count}`);
    seen.set(shard.index, dir);
  }
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) problems.push(`gap: shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first.count}`).join(", ")} missing`);
  const owner = new Map<string, string>();
  for (const { dir, shard } of shards) {
    for (const id of shard.case_ids) {
      const o = owner.get(id);
      if (o && o !== dir) {
        problems.push(`overlap: case ${id} is in both ${o} and ${dir}`);
        break;
      }
      owner.set(id, dir);
    }
  }
  if (!problems.length && owner.size !== first.total_cases) problems.push(`gap: the shards hold ${owner.size} cases, the suite has ${first.total_cases}`);
  return problems;
}
