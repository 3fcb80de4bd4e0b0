// `llmops promote` and `llmops rollback`: an evidence-checked promotion (or a rollback through the
// same path) — gate looked up through GitHub's API, GitOps change, smoke test, release.
import { OctokitReleaseClient } from "../../adapters/github/octokit-release-client.js";
import { runPromotion, type PromotionResult } from "../../app/deploy/promote.js";
import { systemClock } from "../../core/ports/index.js";
import { InputError } from "../../errors.js";
import type { Command } from "../command.js";
import { PROMOTE_OPTIONS } from "../../core/options/promote.js";
import { cliParseConfig, readCliValues, renderCliHelp, type CliValuesOf } from "../../core/options/spec.js";
import type { CliContext } from "../context.js";
import { resolveEnv } from "./registry.js";

const common = `Environment: GITHUB_TOKEN (contents: write, pull-requests: write, checks: read), GITHUB_REPOSITORY
(owner/name), GITHUB_API_URL (default https://api.github.com); HF_TOKEN / HF_ENDPOINT for hf:// weights;
LLMOPS_ENDPOINT_API_KEY for an endpoint that needs a key.

Exit codes: 0 promoted (or a registration verified), 1 the smoke test failed (the stage is unassigned
again), 2 refused (the message names the condition and the fix) or a bad argument.
See docs/release.md.`;

export const promoteCommand: Command = {
  name: "promote",
  maxPositionals: 1,
  summary: "promote a registered version to a stage: evidence, gate, GitOps change, smoke test, release",
  help: `usage: llmops promote NAME --version vX.Y.Z --stage STAGE [options]
       llmops promote --tag TAG   (the registry tag a push created: NAME#STAGE#N or NAME@vX.Y.Z)

Refuses unless the tag is annotated and well-formed, the version's commit is on the default branch,
that commit's trusted gate check passed (looked up through the API), and the artifact's bytes hash to
the gated hash. Then takes the lock (creates and pushes NAME#STAGE#N; a tag someone else pushed
first loses the race), renders deploy/environments.yaml's manifest for the stage, commits it on a
branch with a pull request (or directly where apply: direct), smoke-tests the endpoint, and creates
or updates the version's GitHub release with the model card, eval summary, weights and SHA256SUMS.
A failed smoke test closes the pull request and pushes NAME#STAGE!#N (the stage is unassigned).

options:
${renderCliHelp(PROMOTE_OPTIONS, { command: "promote" })}

${common}
`,
  options: cliParseConfig(PROMOTE_OPTIONS, "promote"),
  run: (ctx, { values, positionals }) => promote(ctx, readCliValues(PROMOTE_OPTIONS, values), positionals[0], false),
};

export const rollbackCommand: Command = {
  name: "rollback",
  maxPositionals: 2,
  summary: "re-point a stage to the version it held before, through the same evidence-checked path",
  help: `usage: llmops rollback NAME STAGE [options]

Finds the version STAGE held before its current one and promotes it again through every check of
"llmops promote" (evidence, default branch, gate, content hash, GitOps change, smoke test).

options:
${renderCliHelp(PROMOTE_OPTIONS, { command: "rollback" })}

${common}
`,
  options: cliParseConfig(PROMOTE_OPTIONS, "rollback"),
  async run(ctx, { values, positionals }) {
    const stage = positionals[1];
    if (stage === undefined) throw new InputError("llmops rollback: missing STAGE", { hint: "usage: llmops rollback NAME STAGE" });
    return promote(ctx, { ...readCliValues(PROMOTE_OPTIONS, values), stage }, positionals[0], true);
  },
};

async function promote(ctx: CliContext, values: CliValuesOf<typeof PROMOTE_OPTIONS>, name: string | undefined, rollback: boolean): Promise<number> {
  const env = ctx.env;
  const token = env.GITHUB_TOKEN;
  const repository = env.GITHUB_REPOSITORY;
  if (!token) throw new InputError("GITHUB_TOKEN is not set", { hint: "promotion looks up the gate check and publishes the release through GitHub's API: export GITHUB_TOKEN (in a workflow, pass secrets.GITHUB_TOKEN as env)" });
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError("GITHUB_REPOSITORY must be owner/name", { hint: "export GITHUB_REPOSITORY=owner/name (set in every workflow)" });
  const tag = values.tag;
  if (tag === undefined && name === undefined) throw new InputError("llmops promote: name the artifact (NAME --version V --stage S) or pass --tag TAG");
  if (tag !== undefined && (name !== undefined || values.version !== undefined || values.stage !== undefined)) throw new InputError("--tag excludes NAME, --version and --stage (the tag says them)");
  if (!rollback && tag === undefined && (values.version === undefined || values.stage === undefined)) throw new InputError("--version and --stage are required with NAME");
  const endpoint = values.endpoint;
  const github = new OctokitReleaseClient({ token, repository, baseUrl: env.GITHUB_API_URL ?? "https://api.github.com" });
  const resolve = resolveEnv(ctx);
  const result: PromotionResult = await runPromotion({
    repoDir: values.repo ? ctx.resolvePath(values.repo) : ctx.cwd,
    remote: values.remote ?? "origin",
    repository,
    github,
    ...(tag !== undefined ? { requestTag: tag } : { artifact: name!, stage: values.stage! }),
    ...(values.version ? { version: values.version } : {}),
    rollback,
    ...(values["gate-check"] ? { gateCheckName: values["gate-check"] } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(env.LLMOPS_ENDPOINT_API_KEY ? { apiKey: env.LLMOPS_ENDPOINT_API_KEY } : {}),
    resolve,
    logger: ctx.logger,
    clock: systemClock,
  });
  if (values.json) ctx.printJson(result);
  else {
    ctx.stdout.write(`${result.summary}\n`);
    for (const c of result.smoke?.checks ?? []) ctx.stdout.write(`  ${c.ok ? "pass" : "FAIL"}  ${c.name}: ${c.detail}\n`);
  }
  return 0;
}
