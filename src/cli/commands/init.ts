// `llmops init`: adopt llmops in a repository with one command — a starter eval suite, prompt,
// pipeline and the two workflows pinned by SHA; refuses to overwrite anything; prints what's next.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { projectName, renderNextSteps, renderStarterFiles } from "../../core/init/templates.js";
import { repoRoot } from "../../app/pipeline/repo-root.js";
import { ConfigError, InputError } from "../../errors.js";
import { VERSION } from "../../version.js";
import type { Command } from "../command.js";

export const initCommand: Command = {
  name: "init",
  maxPositionals: 0,
  summary: "write a starter eval suite, prompt, pipeline and workflows into this repository",
  help: `
usage: llmops init [--name NAME] [--actions OWNER/REPO@SHA] [--json]

Writes, at the root of the git repository you run it in:
  evals/<name>.yaml, evals/cases/<name>.jsonl   a starter suite (JSON answers, json_fields, a gate)
  prompts/<name>.jinja                          its prompt
  pipelines/main.yaml                           the pipeline \`llmops run\` runs
  .github/workflows/llmops-main.yml             push to main: run, save the stage cache
  .github/workflows/llmops-pr.yml               pull request: run against the base, comment, check
It never overwrites: if any of these exists, it writes nothing and names them.
Then it prints the three things to do next (endpoint, secret, required check).

options:
  --name NAME                the suite's name (default: the repository directory's name)
  --actions OWNER/REPO@SHA   the llmops actions the workflows use, pinned by commit SHA
                             (default: the repository and commit of this llmops checkout)
  --json                     print what was written as JSON
`,
  options: { name: { type: "string" }, actions: { type: "string" }, json: { type: "boolean" }, quiet: { type: "boolean", short: "q" } },
  async run(ctx, { values }) {
    const root = repoRoot(ctx.cwd);
    const name = typeof values.name === "string" ? projectName(values.name) : projectName(basename(root));
    const { actionsRepo, actionsSha } = actionsPin(values.actions);
    const opts = { name, actionsRepo, actionsSha, version: VERSION };
    const files = renderStarterFiles(opts);
    const existing = files.filter((f) => existsSync(join(root, f.path))).map((f) => f.path);
    if (existing.length) {
      throw new ConfigError(`llmops init would overwrite ${existing.join(", ")}; nothing was written`, {
        hint: "move those files aside (or pass --name for another suite name) and run it again",
      });
    }
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.content, { flag: "wx" });
    }
    if (values.json) ctx.printJson({ root, name, actions: `${actionsRepo}@${actionsSha}`, files: files.map((f) => f.path) });
    else ctx.stdout.write(`wrote in ${root}:\n${files.map((f) => `  ${f.path}`).join("\n")}\nactions pinned to ${actionsRepo}@${actionsSha} (v${VERSION})\n\n${renderNextSteps(opts)}\n`);
    return 0;
  },
};

/** Where the workflows' actions come from: --actions, else this llmops checkout's origin and commit. */
function actionsPin(flag: unknown): { actionsRepo: string; actionsSha: string } {
  if (typeof flag === "string") {
    const m = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{40})$/.exec(flag);
    if (!m) throw new InputError(`--actions must be OWNER/REPO@<40-hex commit SHA>, got ${JSON.stringify(flag)}`, { hint: "pin actions by full commit SHA (a tag can be moved)" });
    return { actionsRepo: m[1]!, actionsSha: m[2]! };
  }
  const here = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  try {
    const sha = execFileSync("git", ["rev-parse", "HEAD"], { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const url = execFileSync("git", ["remote", "get-url", "origin"], { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const m = /github\.com[:/]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url);
    if (m && /^[0-9a-f]{40}$/.test(sha)) return { actionsRepo: m[1]!, actionsSha: sha };
  } catch {
    // not a git checkout of llmops (an npm install): ask below
  }
  throw new InputError("llmops init cannot tell which commit of the llmops actions to pin the workflows to", {
    hint: "pass --actions OWNER/REPO@<commit SHA> (the release you adopt), e.g. --actions my-org/llmops@<40 hex>",
  });
}
