// Pipeline children get ONE environment policy, the trainers' allow-list: a `run:` stage and a
// service see PATH and the toolchain's variables, never the runner's tokens (GITHUB_TOKEN,
// ACTIONS_RUNTIME_TOKEN, the OIDC request token, INPUT_*) or anything else the caller holds,
// unless their `pass_env:` names it; a built-in eval stage gets its suite's api_key_env by name.
// The children's real environments are read back from what they wrote.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../support/cli.js";
import { startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { arithmeticAnswer, writeArithmeticCases, writeSuite } from "../support/suites.js";

const DUMP = `const fs = require("fs"); fs.mkdirSync(require("path").dirname(process.argv[2]), { recursive: true }); fs.writeFileSync(process.argv[2], JSON.stringify(process.env));`;
const SERVICE = `const fs = require("fs"); fs.writeFileSync(process.argv[3], JSON.stringify(process.env));
require("http").createServer((q, r) => r.end("ok")).listen(Number(process.argv[2]), "127.0.0.1");`;

const SECRETS = {
  GITHUB_TOKEN: "ghs_workflowtoken",
  GH_TOKEN: "ghp_personal",
  ACTIONS_RUNTIME_TOKEN: "runtime-secret",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-secret",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.actions.example/oidc",
  ACTIONS_CACHE_URL: "https://cache.example/",
  "INPUT_GITHUB-TOKEN": "ghs_input",
  AWS_SECRET_ACCESS_KEY: "aws-secret",
  SOME_OTHER_SECRET: "other",
};

describe("pipeline children: one allow-list policy, pass_env by name", () => {
  let server: OpenAiTestServer;
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    server = await startOpenAiTestServer({ respond: (r) => arithmeticAnswer(r.prompt, 1), apiKey: "sk-model-key" });
    dir = tempDir("llmops-pipe-env-");
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
    mkdirSync(join(dir, "pipelines"));
    writeFileSync(join(dir, "dump.js"), DUMP);
    writeFileSync(join(dir, "service.js"), SERVICE);
    writeFileSync(join(dir, ".gitignore"), ".llmops/\nreports/\nout/\n");
    writeArithmeticCases(dir, 4);
    writeSuite(dir, server.baseUrl, { target: { base_url: server.baseUrl, model: "m", api: "chat", stream: false, api_key_env: "MODEL_KEY", params: { temperature: 0, max_tokens: 8 } } });
    const svcEnv = join(dir, "out-service-env.json");
    writeFileSync(
      join(dir, "pipelines", "main.yaml"),
      [
        "name: main",
        "services:",
        "  probe:",
        `    run: [node, service.js, "\${port}", ${JSON.stringify(svcEnv)}]`,
        "    ready: /",
        "    pass_env: [HF_TOKEN]",
        "stages:",
        "  plain:",
        "    run: [node, dump.js, out/plain.json]",
        "    outs: [out/plain.json]",
        "  named:",
        "    run: [node, dump.js, out/named.json]",
        "    outs: [out/named.json]",
        "    pass_env: [SOME_OTHER_SECRET, NOT_SET_ANYWHERE]",
        "    env: { LITERAL: from-the-pipeline }",
        "    services: [probe]",
        "  score:",
        "    uses: eval",
        "    with: { suite: suite.yaml, out: out/eval }",
        "",
      ].join("\n"),
    );
    result = await runCli(["run", "--json"], { cwd: dir, env: { ...SECRETS, MODEL_KEY: "sk-model-key", HF_TOKEN: "hf_token", LLMOPS_LOG_LEVEL: "info" }, timeoutMs: 90_000 });
  }, 120_000);
  afterAll(async () => server?.close());

  const envOf = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, string>;

  it("a run: stage sees the allow-list only: no runner token, no action input, no other secret", () => {
    expect(result.code, result.stderr).toBe(0);
    const env = envOf("out/plain.json");
    for (const k of Object.keys(SECRETS)) expect(env[k], k).toBeUndefined();
    expect(env.MODEL_KEY).toBeUndefined();
    expect(env.HF_TOKEN).toBeUndefined();
    expect(env.PATH).toBe(process.env.PATH);
    expect(env.LLMOPS_LOG_LEVEL).toBe("info");
  });

  it("pass_env adds exactly the variables it names; env: literals still apply", () => {
    const env = envOf("out/named.json");
    expect(env.SOME_OTHER_SECRET).toBe("other");
    expect("NOT_SET_ANYWHERE" in env).toBe(false);
    expect(env.LITERAL).toBe("from-the-pipeline");
    for (const k of Object.keys(SECRETS).filter((k) => k !== "SOME_OTHER_SECRET")) expect(env[k], k).toBeUndefined();
  });

  it("a service gets the allow-list and its own pass_env, not the stage's", () => {
    const env = envOf("out-service-env.json");
    expect(env.HF_TOKEN).toBe("hf_token");
    expect(env.SOME_OTHER_SECRET).toBeUndefined();
    for (const k of Object.keys(SECRETS)) expect(env[k], k).toBeUndefined();
  });

  it("a built-in eval stage gets its suite's api_key_env by name (the server requires it) and answers every case", () => {
    const summary = JSON.parse(readFileSync(join(dir, "out", "eval", "summary.json"), "utf8"));
    expect(summary.counts).toMatchObject({ records: 4, errors: 0 });
    expect(server.requests.every((q) => q.authorization === "Bearer sk-model-key")).toBe(true);
    expect(server.requests.length).toBe(4);
  });
});
