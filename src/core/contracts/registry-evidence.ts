// The evidence a registry tag carries in its annotation: what was registered or promoted, the exact
// bytes (content hashes), the data and eval behind it, the gate verdict of its commit, and who wrote it.
import { z } from "zod";

export const REGISTRY_EVIDENCE_SCHEMA = "llmops.registry-evidence/v1";

const Sha1 = z.string().regex(/^[0-9a-f]{40}$/, "a full 40-character git commit SHA");
const ContentHash = z.string().regex(/^sha256:[0-9a-f]{64}$/, "sha256:<64 hex digits>");

export const EvalMetricSchema = z.object({
  mean: z.number(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  n: z.number().int().nonnegative(),
});

export const RegistryEvidenceSchema = z.object({
  schema: z.literal(REGISTRY_EVIDENCE_SCHEMA),
  event: z.enum(["registration", "deregistration", "assignment", "unassignment", "deprecation"]),
  artifact: z.string().min(1),
  version: z.string().nullable(),
  stage: z.string().nullable(),
  commit: Sha1,
  model: z
    .object({
      /** artifacts.yaml's path or storage URI. */
      uri: z.string().min(1),
      sha256: ContentHash,
      bytes: z.number().int().nonnegative(),
    })
    .nullable(),
  dataset_manifest: z.object({ path: z.string().min(1), sha256: ContentHash }).nullable(),
  eval: z
    .object({
      path: z.string().min(1),
      sha256: ContentHash,
      suite: z.string().nullable(),
      metrics: z.record(z.string(), EvalMetricSchema),
    })
    .nullable(),
  gate: z
    .object({
      verdict: z.enum(["pass", "fail", "inconclusive", "unknown"]),
      /** Where the verdict came from: the trusted check run looked up through the API, or a local file. */
      source: z.enum(["check-run", "commit-status", "file", "none"]),
      check: z.string(),
      url: z.string().nullable(),
    })
    .nullable(),
  /** For assignments: the version being replaced in that stage (what a rollback returns to). */
  previous_version: z.string().nullable(),
  llmops_version: z.string().min(1),
  created_at: z.string().min(1),
});

export type RegistryEvidence = z.infer<typeof RegistryEvidenceSchema>;
export type EvalMetric = z.infer<typeof EvalMetricSchema>;

/** The line that separates the human message from the evidence document in a tag annotation. */
export const EVIDENCE_MARKER = "--- llmops registry evidence ---";

export function writeEvidenceAnnotation(headline: string, evidence: RegistryEvidence): string {
  const checked = RegistryEvidenceSchema.parse(evidence);
  return `${headline}\n\n${EVIDENCE_MARKER}\n${JSON.stringify(checked, null, 2)}\n`;
}

export type EvidenceRead = { status: "absent" } | { status: "ok"; evidence: RegistryEvidence } | { status: "invalid"; problem: string };

/** The one reader: evidence from a tag annotation; GTO's own tags (no marker) have none. */
export function readEvidenceAnnotation(message: string): EvidenceRead {
  const at = message.indexOf(EVIDENCE_MARKER);
  if (at < 0) return { status: "absent" };
  const text = message.slice(at + EVIDENCE_MARKER.length).trim();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { status: "invalid", problem: `the evidence is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const r = RegistryEvidenceSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    return { status: "invalid", problem: `evidence field ${i.path.join(".") || "(root)"}: ${i.message}` };
  }
  return { status: "ok", evidence: r.data };
}
