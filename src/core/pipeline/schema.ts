// The pipeline file (`pipelines/<name>.yaml`): stages that either use a built-in llmops step or run
// a command (an argument array), with the files, globs and other stages' outputs they depend on,
// the parameters they read, the outputs they write and the model servers they need.
import { z } from "zod";

export const STEP_NAMES = ["data.validate", "data.split", "train", "export", "eval", "compare", "gate", "report"] as const;
export type StepName = (typeof STEP_NAMES)[number];

const StageName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "a stage name: a letter, then letters, digits, '_' or '-'");
const RelPath = z.string().min(1);
const Argv = z.array(z.string()).min(1);
/**
 * Variables of the caller's environment a stage or service gets beyond the allow-list every child
 * gets (src/adapters/process/child-env.ts): an API key, HF_TOKEN. Named one by one, never a pattern.
 */
const PassEnv = z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name")).default([]);

export const ServiceSchema = z
  .object({
    /** `serve`: `llmops serve <model> --port <port>` on the embedded runtime. */
    uses: z.literal("serve").optional(),
    with: z
      .object({
        model: RelPath,
        /** The model name /v1/models reports (what the suite's target.model names). */
        name: z.string().min(1).optional(),
        threads: z.number().int().positive().optional(),
        parallel: z.number().int().positive().optional(),
        ctx: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    /** Any server command (vllm serve, TGI, Ollama, a script); `${port}` is replaced by a free port. */
    run: Argv.optional(),
    /** Files the server reads (a model file, a config): dependencies of every stage that uses it. */
    deps: z.array(RelPath).default([]),
    /** The HTTP path probed until it answers 2xx. */
    ready: z.string().startsWith("/").default("/health"),
    /** The base URL stages get as ${services.NAME.url}; the path after the port. */
    url_path: z.string().default("/v1"),
    timeout_s: z.number().positive().max(3600).default(120),
    env: z.record(z.string(), z.string()).default({}),
    pass_env: PassEnv,
  })
  .strict();
export type Service = z.infer<typeof ServiceSchema>;

export const StageSchema = z
  .object({
    description: z.string().optional(),
    uses: z.enum(STEP_NAMES).optional(),
    with: z.record(z.string(), z.unknown()).optional(),
    run: z.union([Argv, z.string().min(1)]).optional(),
    /** Run `run:` (a string) through /bin/sh -c. Off unless asked. */
    shell: z.boolean().default(false),
    deps: z.array(RelPath).default([]),
    params: z.array(z.string().min(1)).default([]),
    outs: z.array(RelPath).default([]),
    services: z.array(z.string()).default([]),
    /** Stages that must finish first although this one reads none of their outputs (a check). */
    after: z.array(z.string()).default([]),
    env: z.record(z.string(), z.string()).default({}),
    pass_env: PassEnv,
    /** Never restore this stage from the cache (a stage whose effect is outside its outs). */
    always_run: z.boolean().default(false),
  })
  .strict();
export type StageConfig = z.infer<typeof StageSchema>;

export const PipelineSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "a name of letters, digits, '.', '_' or '-'"),
    description: z.string().optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    params_file: RelPath.optional(),
    services: z.record(StageName, ServiceSchema).default({}),
    stages: z.record(StageName, StageSchema).refine((s) => Object.keys(s).length > 0, "at least one stage"),
  })
  .strict();
export type PipelineConfig = z.infer<typeof PipelineSchema>;
