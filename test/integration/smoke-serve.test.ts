// The promotion's smoke test against a real `llmops serve` (llama.cpp) serving a tiny random model
// under its versioned name: readiness, identity, a fixed prompt's answer (greedy, so the same on
// every call), streaming; and the identity check failing for a version the server does not serve.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSmokeTest } from "../../src/app/deploy/smoke-test.js";
import { exportGguf } from "../../src/app/model/export-gguf.js";
import { SmokeSpecSchema } from "../../src/core/deploy/environments.js";
import { systemClock } from "../../src/core/ports/index.js";
import { tempDir } from "../support/cli.js";
import { startServe, type ServeHandle } from "../support/serve.js";
import { writeTinyLlama } from "../support/tiny-llama.js";

const quiet = { info() {}, warn() {}, error() {}, debug() {}, group: async <T>(_: string, f: () => Promise<T>) => f() } as never;

describe("smoke test against llmops serve", { timeout: 120_000 }, () => {
  let dir: string;
  let s: ServeHandle;
  beforeAll(async () => {
    dir = tempDir("llmops-smoke-serve-");
    writeTinyLlama(join(dir, "model"), { ctx: 256 });
    const gguf = (await exportGguf({ modelDir: join(dir, "model"), cwd: dir, type: "f16", out: join(dir, "demo-model.gguf"), logger: quiet })).out;
    s = await startServe([gguf, "--threads", "1", "--ctx", "128", "--name", "demo-model:v0.1.0"]);
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("passes every check for the version it serves, with the greedy answer as the expected one", async () => {
    // The tiny model is random: its greedy answer is recorded first (as a release would record a golden answer).
    const r = await fetch(`${s.url}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "demo-model:v0.1.0", prompt: "2+2=", max_tokens: 8, temperature: 0 }) });
    const golden = ((await r.json()) as { choices: Array<{ text: string }> }).choices[0]!.text;
    const spec = SmokeSpecSchema.parse({ ready_timeout_s: 30, prompts: [{ prompt: "2+2=", expect: golden, max_tokens: 8 }] });
    const report = await runSmokeTest({ baseUrl: `${s.url}/v1`, model: "demo-model:v0.1.0", baseModel: null, spec, clock: systemClock });
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([["health", true], ["models", true], ['prompt "2+2="', true], ["streaming", true]]);
  });

  it("fails the identity check for a version the server does not serve, and stops there", async () => {
    const spec = SmokeSpecSchema.parse({ ready_timeout_s: 2, prompts: [{ prompt: "2+2=", expect: "4" }] });
    const report = await runSmokeTest({ baseUrl: s.url, model: "demo-model:v0.2.0", baseModel: null, spec, clock: systemClock });
    expect(report.ok).toBe(false);
    expect(report.checks.at(-1)).toMatchObject({ name: "models", ok: false, detail: "/v1/models lists demo-model:v0.1.0, not demo-model:v0.2.0" });
  });
});
