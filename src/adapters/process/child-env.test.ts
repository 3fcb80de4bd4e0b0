// A real child process dumps the environment it was given: the runner's tokens are not in it.
import { describe, expect, it } from "vitest";
import { childEnv } from "./child-env.js";
import { NodeProcessRunner } from "./node-process-runner.js";

const RUNNER_ENV = {
  PATH: process.env.PATH,
  HOME: "/home/runner",
  LANG: "C.UTF-8",
  CUDA_VISIBLE_DEVICES: "0,1",
  HF_HOME: "/cache/hf",
  LLMOPS_PYTHON: "/usr/bin/python3",
  GITHUB_TOKEN: "ghs_workflowtoken",
  GITHUB_SHA: "a".repeat(40),
  ACTIONS_RUNTIME_TOKEN: "eyJ.runtime",
  ACTIONS_CACHE_URL: "https://cache.example/",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "eyJ.oidc",
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://oidc.example/",
  INPUT_TOKEN: "ghs_inputtoken",
  "INPUT_API-KEY": "sk-input",
  HF_TOKEN: "hf_secret",
  WANDB_API_KEY: "wandb_secret",
  AWS_SECRET_ACCESS_KEY: "aws",
};

async function dumpEnv(env: Record<string, string>): Promise<Record<string, string>> {
  const r = await new NodeProcessRunner(env).capture({ program: process.execPath, args: ["-e", "process.stdout.write(JSON.stringify(process.env))"] });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe("childEnv", () => {
  it("a spawned child sees the allow-list only: no runtime, OIDC, workflow or input tokens, no other secrets", async () => {
    const seen = await dumpEnv(childEnv(RUNNER_ENV));
    for (const k of ["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_CACHE_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "INPUT_TOKEN", "INPUT_API-KEY", "HF_TOKEN", "WANDB_API_KEY", "AWS_SECRET_ACCESS_KEY"]) {
      expect(seen, k).not.toHaveProperty(k);
    }
    expect(JSON.stringify(seen)).not.toMatch(/ghs_|eyJ\.|secret|sk-input/);
    expect(seen).toMatchObject({ HOME: "/home/runner", LANG: "C.UTF-8", CUDA_VISIBLE_DEVICES: "0,1", HF_HOME: "/cache/hf", LLMOPS_PYTHON: "/usr/bin/python3", GITHUB_SHA: "a".repeat(40) });
  });

  it("passes exactly the variables a spec names (pass_env), when set", async () => {
    const seen = await dumpEnv(childEnv(RUNNER_ENV, ["HF_TOKEN", "WANDB_API_KEY", "NOT_SET"]));
    expect(seen).toMatchObject({ HF_TOKEN: "hf_secret", WANDB_API_KEY: "wandb_secret" });
    expect(seen).not.toHaveProperty("NOT_SET");
    expect(seen).not.toHaveProperty("ACTIONS_RUNTIME_TOKEN");
  });
});
