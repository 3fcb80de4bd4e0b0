// Build a tag's evidence record from what the shell gathered: the artifact's resolved hash, the
// dataset manifest, the eval summary (means with intervals) and the gate verdict of the commit.
import { z } from "zod";
import { DataInvalidError } from "../../errors.js";
import { REGISTRY_EVIDENCE_SCHEMA, type EvalMetric, type RegistryEvidence } from "../contracts/registry-evidence.js";

const SummaryShape = z.looseObject({
  schema: z.literal("llmops.summary/v1"),
  suite: z.looseObject({ name: z.string() }),
  metrics: z.record(z.string(), z.looseObject({ mean: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable(), n: z.number() })),
});

/** The metrics of an eval run's summary.json, for the evidence and the model card. */
export function parseEvalSummaryForEvidence(text: string, file: string): { suite: string; metrics: Record<string, EvalMetric> } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataInvalidError(`${file}: not JSON`, { hint: "pass the summary.json of an eval run (llmops eval --out DIR writes DIR/summary.json)" });
  }
  const r = SummaryShape.safeParse(raw);
  if (!r.success) throw new DataInvalidError(`${file}: not an eval summary (${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message})`, { hint: "pass the summary.json of an eval run" });
  const metrics: Record<string, EvalMetric> = {};
  for (const [name, m] of Object.entries(r.data.metrics)) {
    if (m.mean === null) continue;
    metrics[name] = { mean: m.mean, ci_low: m.ci95?.[0] ?? null, ci_high: m.ci95?.[1] ?? null, n: m.n };
  }
  return { suite: r.data.suite.name, metrics };
}

const ComparisonShape = z.looseObject({ schema: z.literal("llmops.comparison/v1"), gate: z.looseObject({ verdict: z.enum(["pass", "fail", "inconclusive"]) }).nullable() });

export function parseGateVerdictFile(text: string, file: string): "pass" | "fail" | "inconclusive" {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataInvalidError(`${file}: not JSON`, { hint: "pass the comparison.json that llmops gate --out DIR wrote" });
  }
  const r = ComparisonShape.safeParse(raw);
  if (!r.success || r.data.gate === null) throw new DataInvalidError(`${file}: has no gate verdict`, { hint: "pass the comparison.json of `llmops gate --policy … --out DIR`" });
  return r.data.gate.verdict;
}

export interface EvidenceInput {
  event: RegistryEvidence["event"];
  artifact: string;
  version: string | null;
  stage: string | null;
  commit: string;
  model: RegistryEvidence["model"];
  datasetManifest: RegistryEvidence["dataset_manifest"];
  evalSummary: { path: string; sha256: string; suite: string; metrics: Record<string, EvalMetric> } | null;
  gate: RegistryEvidence["gate"];
  previousVersion: string | null;
  llmopsVersion: string;
  now: string;
}

export function buildEvidence(i: EvidenceInput): RegistryEvidence {
  return {
    schema: REGISTRY_EVIDENCE_SCHEMA,
    event: i.event,
    artifact: i.artifact,
    version: i.version,
    stage: i.stage,
    commit: i.commit,
    model: i.model,
    dataset_manifest: i.datasetManifest,
    eval: i.evalSummary ? { path: i.evalSummary.path, sha256: i.evalSummary.sha256, suite: i.evalSummary.suite, metrics: i.evalSummary.metrics } : null,
    gate: i.gate,
    previous_version: i.previousVersion,
    llmops_version: i.llmopsVersion,
    created_at: i.now,
  };
}
