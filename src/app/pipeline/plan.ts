// What a run would do, stage by stage, without doing it: each stage's key from its inputs, then
// up to date (its outputs here are what that key produced), in the cache, or to run — and why.
import type { StageKeyParts, StoredFile } from "../../core/contracts/pipeline-run.js";
import { computeKeyParts, computeStageKey, explainKeyChange, type Pipeline, type Stage } from "../../core/pipeline/index.js";
import { ConfigError } from "../../errors.js";
import { VERSION } from "../../version.js";
import type { HashedFile } from "./file-hasher.js";
import type { Lookup } from "./stage-store.js";
import type { Workspace } from "./workspace.js";

export type PlannedStatus = "up-to-date" | "cached" | "run";

export interface StagePlan {
  stage: Stage;
  key: string;
  parts: StageKeyParts;
  status: PlannedStatus;
  reasons: string[];
  lookup: Lookup;
}

export async function planPipeline(p: Pipeline, ws: Workspace): Promise<StagePlan[]> {
  const keys: Record<string, string> = {};
  const plans: StagePlan[] = [];
  const allOuts = p.stages.flatMap((s) => s.outs);
  for (const stage of p.stages) {
    const depHashes: Record<string, string> = {};
    for (const [i, dep] of stage.deps.entries()) {
      const upstreamOuts = p.stages.filter((s) => stage.upstream.includes(s.name)).flatMap((s) => s.outs);
      if (upstreamOuts.some((o) => dep === o || dep.startsWith(`${o}/`))) continue;
      const files = ws.hasher.expand(dep, allOuts);
      if (files === null) {
        const at = p.locate(["stages", stage.name, "deps", i]);
        throw new ConfigError(`${p.file}:${at.line}:${at.col}: stage ${stage.name}: dependency ${dep} does not exist, and no stage writes it`, {
          hint: "create the file, fix the path (relative to the repository root), or add the stage that writes it",
        });
      }
      for (const f of files) depHashes[f.path] = (await ws.hasher.hashFile(f.path, f.stat)).sha256;
    }
    const upstream = Object.fromEntries(stage.upstream.map((u) => [u, keys[u]!]));
    const parts = computeKeyParts(stage, depHashes, upstream, VERSION);
    const key = computeStageKey(parts);
    keys[stage.name] = key;
    const prev = ws.state.stages[stage.name];
    const lookup = ws.store.lookup(key);
    let status: PlannedStatus;
    let reasons: string[];
    if (stage.alwaysRun) {
      status = "run";
      reasons = ["always_run is set"];
    } else if (prev && prev.key === key && (await outputsMatch(ws, stage, prev.files))) {
      status = "up-to-date";
      reasons = [];
    } else if (prev && prev.key === key) {
      status = lookup.hit ? "cached" : "run";
      reasons = ["its outputs here were changed or removed"];
    } else {
      status = lookup.hit ? "cached" : "run";
      reasons = explainKeyChange(prev?.parts, parts);
    }
    if (status === "run" && !lookup.hit && lookup.reason !== "not in the cache") reasons.push(lookup.reason);
    plans.push({ stage, key, parts, status, reasons, lookup });
  }
  ws.hasher.save();
  return plans;
}

/** Whether the outputs in the workspace are exactly the files recorded. */
export async function outputsMatch(ws: Workspace, stage: Stage, recorded: readonly StoredFile[]): Promise<boolean> {
  const now = await hashOutputs(ws, stage);
  if (now === null || now.length !== recorded.length) return false;
  const byPath = new Map(recorded.map((f) => [f.path, f.sha256]));
  return now.every((f) => byPath.get(f.path) === f.sha256);
}

/** The stage's output files as they are now; null when an output is missing. */
export async function hashOutputs(ws: Workspace, stage: Stage): Promise<HashedFile[] | null> {
  const out: HashedFile[] = [];
  for (const o of stage.outs) {
    const files = ws.hasher.expand(o);
    if (files === null) return null;
    for (const f of files) out.push(await ws.hasher.hashFile(f.path, f.stat));
  }
  return out;
}
