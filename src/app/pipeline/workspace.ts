// A workspace: the repository root a pipeline runs in, its stage store, the memo of file hashes
// and the state (what each stage last produced here) that `status` compares against.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pipelineStateFormat } from "../../core/contracts/added-formats.js";
import type { PipelineState } from "../../core/contracts/pipeline-run.js";
import { FileHasher } from "./file-hasher.js";
import { StageStore } from "./stage-store.js";

export interface Workspace {
  root: string;
  hasher: FileHasher;
  store: StageStore;
  statePath: string;
  state: PipelineState;
}

export function openWorkspace(root: string, pipelineName: string, cacheDir?: string): Workspace {
  const dir = cacheDir ?? join(root, ".llmops", "cache");
  const statePath = join(root, ".llmops", "pipelines", `${pipelineName}.state.json`);
  return { root, hasher: new FileHasher(root, join(root, ".llmops", "hash-memo.json")), store: new StageStore(dir), statePath, state: readState(statePath, pipelineName) };
}

function readState(path: string, pipeline: string): PipelineState {
  try {
    const state = pipelineStateFormat.parse(readFileSync(path, "utf8"), path);
    if (state.pipeline === pipeline) return state;
  } catch {
    // none yet, unreadable or another llmops's: a cache, so every stage is then "never ran here"
  }
  return { schema: "llmops.pipeline-state/v1", pipeline, stages: {} };
}

export function saveState(ws: Workspace): void {
  mkdirSync(dirname(ws.statePath), { recursive: true });
  const tmp = `${ws.statePath}.${process.pid}.tmp`;
  writeFileSync(tmp, pipelineStateFormat.serialize(ws.state));
  renameSync(tmp, ws.statePath);
}
