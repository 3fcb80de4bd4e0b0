// Built-in steps: each `uses:` names an llmops command; its `with:` becomes that command's
// arguments (an argument array, never a shell string) and names the outputs it writes.
import { z } from "zod";
import type { StepName } from "./schema.js";

const Path = z.string().min(1);
const Paths = z.union([Path, z.array(Path).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));
const Scalar = z.union([z.string(), z.number(), z.boolean()]);

interface StepSpec {
  schema: z.ZodType<Record<string, unknown>>;
  /** The llmops arguments for these `with:` values. */
  argv(w: Record<string, unknown>): string[];
  /** The outputs the step writes (the stage's `outs:` when it names none). */
  outs(w: Record<string, unknown>): string[];
  /** Which `with:` fields name an input produced by the workspace (dependencies by default). */
  inputs(w: Record<string, unknown>): string[];
}

function flag(name: string, v: unknown): string[] {
  if (v === undefined || v === false) return [];
  if (v === true) return [`--${name}`];
  return [`--${name}`, String(v)];
}

const str = (v: unknown): string => String(v);

export const STEPS: Record<StepName, StepSpec> = {
  "data.validate": {
    schema: z.object({ files: Paths, format: z.string().optional(), schema: Path.optional(), strict: z.boolean().optional(), "allow-no-assistant": z.boolean().optional() }).strict(),
    argv: (w) => ["data", "validate", ...(w.files as string[]), ...flag("format", w.format), ...flag("schema", w.schema), ...flag("strict", w.strict), ...flag("allow-no-assistant", w["allow-no-assistant"]), "--quiet"],
    outs: () => [],
    inputs: (w) => [...(w.files as string[]), ...(w.schema ? [str(w.schema)] : [])],
  },
  "data.split": {
    schema: z.object({ files: Paths, out_dir: Path, ratios: z.string().optional(), key: z.string().optional(), seed: Scalar.optional(), stratify: z.string().optional(), format: z.string().optional() }).strict(),
    argv: (w) => ["data", "split", ...(w.files as string[]), "--out-dir", str(w.out_dir), ...flag("ratios", w.ratios), ...flag("key", w.key), ...flag("seed", w.seed), ...flag("stratify", w.stratify), ...flag("format", w.format)],
    outs: (w) => [str(w.out_dir)],
    inputs: (w) => w.files as string[],
  },
  train: {
    schema: z.object({ spec: Path, out: Path, set: z.union([z.array(z.string()), z.record(z.string(), Scalar)]).optional() }).strict(),
    argv: (w) => {
      const set = w.set === undefined ? [] : Array.isArray(w.set) ? (w.set as string[]) : Object.entries(w.set as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
      return ["train", str(w.spec), "--out", str(w.out), ...set.flatMap((s) => ["--set", s])];
    },
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.spec)],
  },
  export: {
    schema: z.object({ model: Path, out: Path, type: z.enum(["f32", "f16", "bf16", "q8_0", "q4_0"]).optional() }).strict(),
    argv: (w) => ["export", "gguf", str(w.model), "--out", str(w.out), ...flag("type", w.type)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.model)],
  },
  eval: {
    schema: z
      .object({
        suite: Path,
        out: Path,
        base_url: z.string().optional(),
        model: z.string().optional(),
        concurrency: z.number().int().positive().optional(),
        limit: z.number().int().positive().optional(),
        shard: z.string().regex(/^\d+\/\d+$/).optional(),
        /** The response cache is off in pipelines: the stage cache decides reuse, and a new model behind the same URL must not get old answers. */
        response_cache: z.boolean().default(false),
      })
      .strict(),
    argv: (w) => [
      "eval",
      str(w.suite),
      "--out",
      str(w.out),
      ...flag("base-url", w.base_url),
      ...flag("model", w.model),
      ...flag("concurrency", w.concurrency),
      ...flag("limit", w.limit),
      ...flag("shard", w.shard),
      ...(w.response_cache ? [] : ["--no-cache"]),
      "--quiet",
    ],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.suite)],
  },
  compare: {
    schema: z.object({ baseline: Path, candidate: Path, policy: Path.optional(), out: Path }).strict(),
    argv: (w) => ["compare", "--baseline", str(w.baseline), "--candidate", str(w.candidate), ...flag("policy", w.policy), "--out", str(w.out)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.baseline), str(w.candidate), ...(w.policy ? [str(w.policy)] : [])],
  },
  gate: {
    schema: z.object({ baseline: Path, candidate: Path, policy: Path.optional(), out: Path }).strict(),
    argv: (w) => ["gate", "--baseline", str(w.baseline), "--candidate", str(w.candidate), ...flag("policy", w.policy), "--out", str(w.out)],
    outs: (w) => [str(w.out)],
    inputs: (w) => [str(w.baseline), str(w.candidate), ...(w.policy ? [str(w.policy)] : [])],
  },
  report: {
    schema: z.object({ comparison: Path, markdown: Path.optional(), html: Path.optional(), summary: Path.optional() }).strict(),
    argv: (w) => ["report", "--comparison", str(w.comparison), ...flag("markdown", w.markdown), ...flag("html", w.html), ...flag("summary", w.summary)],
    outs: (w) => [w.markdown, w.html, w.summary].filter((x): x is string => typeof x === "string"),
    inputs: (w) => [str(w.comparison)],
  },
};
