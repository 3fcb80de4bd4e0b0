// `llmops serve` over HTTP, as clients use it: the eval engine's own requests, streaming, /health,
// /metrics parsed as Prometheus text, 32 concurrent requests on 4 slots, a client that disconnects,
// an over-long prompt, a full queue, the API key, and SIGTERM draining. One random tiny model.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportGguf } from "../../src/app/model/export-gguf.js";
import { cliBundle, runCli, runNode, tempDir } from "../support/cli.js";
import { startServe, type ServeHandle } from "../support/serve.js";
import { writeTinyLlama } from "../support/tiny-llama.js";

const quiet = { info() {}, warn() {}, error() {}, debug() {}, group: async <T>(_: string, f: () => Promise<T>) => f() } as never;

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: r.status, headers: r.headers, json: (await r.json()) as Record<string, any> };
}

/** Prometheus text → {"name{labels}": value}. */
function parseMetrics(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    m.set(`${match[1]}${match[2] ?? ""}`, Number(match[3]));
  }
  return m;
}

async function metrics(url: string) {
  const r = await fetch(`${url}/metrics`);
  expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
  return parseMetrics(await r.text());
}

async function sse(url: string, path: string, body: unknown, signal?: AbortSignal): Promise<{ events: any[]; done: boolean }> {
  const r = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...(signal ? { signal } : {}) });
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("text/event-stream");
  const text = await r.text();
  const datas = text.split("\n\n").filter(Boolean).map((e) => e.replace(/^data: /, ""));
  return { events: datas.filter((d) => d !== "[DONE]").map((d) => JSON.parse(d)), done: datas.at(-1) === "[DONE]" };
}

describe("llmops serve over HTTP", () => {
  let dir: string;
  let gguf: string;
  let s: ServeHandle;
  const L = 'model_name="tiny"';

  beforeAll(async () => {
    dir = tempDir("llmops-serve-http-");
    writeTinyLlama(join(dir, "model"), { ctx: 512 });
    gguf = (await exportGguf({ modelDir: join(dir, "model"), cwd: dir, type: "f16", out: join(dir, "tiny.gguf"), logger: quiet })).out;
    s = await startServe([gguf, "--threads", "1", "--parallel", "4", "--ctx", "128", "--name", "tiny"]);
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("/health is 200 when loaded; /v1/models lists the model", async () => {
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    const r = await fetch(`${s.url}/v1/models`);
    expect(((await r.json()) as { data: { id: string }[] }).data.map((m) => m.id)).toEqual(["tiny"]);
  });

  it("chat completions through the chat template; streaming gives the same text, usage last, then [DONE]; /metrics counts it", async () => {
    const before = await metrics(s.url);
    const body = { model: "tiny", messages: [{ role: "user", content: "hello" }], temperature: 0, max_tokens: 12 };
    const plain = await post(s.url, "/v1/chat/completions", body);
    expect(plain.status).toBe(200);
    expect(plain.json.object).toBe("chat.completion");
    const choice = plain.json.choices[0];
    expect(choice.message.role).toBe("assistant");
    // "User: hello\nAssistant: " is 23 bytes, plus BOS.
    expect(plain.json.usage.prompt_tokens).toBe(24);
    expect(plain.json.usage.completion_tokens).toBeGreaterThan(0);
    const after = await metrics(s.url);
    expect(after.get(`vllm:prompt_tokens_total{${L}}`)! - before.get(`vllm:prompt_tokens_total{${L}}`)!).toBe(24);
    expect(after.get(`vllm:generation_tokens_total{${L}}`)! - before.get(`vllm:generation_tokens_total{${L}}`)!).toBe(plain.json.usage.completion_tokens);
    expect(after.get(`vllm:e2e_request_latency_seconds_count{${L}}`)! - before.get(`vllm:e2e_request_latency_seconds_count{${L}}`)!).toBe(1);
    const reason = choice.finish_reason as string;
    expect(after.get(`vllm:request_success_total{${L},finished_reason="${reason}"}`)! - before.get(`vllm:request_success_total{${L},finished_reason="${reason}"}`)!).toBe(1);

    const streamed = await sse(s.url, "/v1/chat/completions", { ...body, stream: true, stream_options: { include_usage: true } });
    expect(streamed.done).toBe(true);
    expect(streamed.events[0].choices[0].delta.role).toBe("assistant");
    const text = streamed.events.flatMap((e) => e.choices.map((c: any) => c.delta.content ?? "")).join("");
    expect(text).toBe(choice.message.content);
    const last = streamed.events.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage).toEqual(plain.json.usage);
    expect(streamed.events.at(-2).choices[0].finish_reason).toBe(reason);
  });

  it("completions honour stop: the text ends before the stop string, finish_reason stop", async () => {
    const base = await post(s.url, "/v1/completions", { prompt: "abc", temperature: 0, max_tokens: 24 });
    const text = base.json.choices[0].text as string;
    expect(text.length).toBeGreaterThan(4);
    const stop = text.slice(3, 5);
    const cut = await post(s.url, "/v1/completions", { prompt: "abc", temperature: 0, max_tokens: 24, stop: [stop] });
    expect(cut.json.choices[0].text).toBe(text.slice(0, text.indexOf(stop)));
    expect(cut.json.choices[0].finish_reason).toBe("stop");
    const streamed = await sse(s.url, "/v1/completions", { prompt: "abc", temperature: 0, max_tokens: 24, stop: [stop], stream: true });
    expect(streamed.events.map((e) => e.choices[0]?.text ?? "").join("")).toBe(text.slice(0, text.indexOf(stop)));
  });

  it("32 concurrent requests on 4 slots: all answered, each with its own prompt's tokens and its own greedy text", async () => {
    const prompts = Array.from({ length: 32 }, (_, i) => `${i}:${"x".repeat(i)}`);
    const alone = await post(s.url, "/v1/completions", { prompt: prompts[7], temperature: 0, max_tokens: 8 });
    const results = await Promise.all(prompts.map((p) => post(s.url, "/v1/completions", { prompt: p, temperature: 0, max_tokens: 8 })));
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.json.usage.prompt_tokens).toBe(1 + Buffer.byteLength(prompts[i]!));
    });
    expect(new Set(results.map((r) => r.json.id)).size).toBe(32);
    // Greedy is deterministic: the one answered in a batch of four equals the one answered alone.
    expect(results[7]!.json.choices[0].text).toBe(alone.json.choices[0].text);
  }, 120_000);

  it("a prompt longer than the context is a 400 naming the sizes", async () => {
    const r = await post(s.url, "/v1/completions", { prompt: "y".repeat(300), max_tokens: 4 });
    expect(r.status).toBe(400);
    // llama.cpp rounds the context up to a multiple of 256; the message names the real size.
    expect(r.json.error.message).toMatch(/^the prompt is 301 tokens; the context holds 256 /);
    expect(r.json.error.param).toBe("prompt");
    expect((await metrics(s.url)).get(`llmops_serve_requests_rejected_total{${L},reason="too_long"}`)).toBeGreaterThanOrEqual(1);
  });

  it("bad requests are 400s naming the field; unknown routes 404", async () => {
    const r = await post(s.url, "/v1/chat/completions", { messages: [], temperature: 0 });
    expect(r.status).toBe(400);
    expect(r.json.error.param).toBe("messages");
    const t = await post(s.url, "/v1/completions", { prompt: "a", temperature: 5 });
    expect(t.json.error.message).toMatch(/^temperature:/);
    expect((await fetch(`${s.url}/v1/nope`)).status).toBe(404);
  });

  it("a client that disconnects cancels its generation, and the slot serves the next request", async () => {
    const key = `vllm:request_success_total{${L},finished_reason="abort"}`;
    const length = `vllm:request_success_total{${L},finished_reason="length"}`;
    // The tiny model can generate all 120 tokens before a client on a loaded machine gets to disconnect;
    // such a trial has nothing to cancel and is repeated (up to 5 times) until a disconnect lands mid-generation.
    let cancelled = false;
    for (let trial = 0; trial < 5 && !cancelled; trial++) {
      const before = await metrics(s.url);
      const controller = new AbortController();
      const r = await fetch(`${s.url}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ prompt: "go", max_tokens: 120, temperature: 0, stream: true }), signal: controller.signal });
      const reader = r.body!.getReader();
      await reader.read();
      controller.abort();
      const settled = (m: Map<string, number>) => m.get(key) !== before.get(key) || m.get(length) !== before.get(length);
      for (let i = 0; i < 200 && !settled(await metrics(s.url)); i++) await new Promise((res) => setTimeout(res, 50));
      const after = await metrics(s.url);
      if (after.get(length) !== before.get(length)) continue; // finished before the disconnect
      expect(after.get(key)! - before.get(key)!).toBe(1);
      expect(after.get(`vllm:generation_tokens_total{${L}}`)! - before.get(`vllm:generation_tokens_total{${L}}`)!).toBeLessThan(120);
      cancelled = true;
    }
    expect(cancelled, "no disconnect landed mid-generation in 5 trials").toBe(true);
    expect((await metrics(s.url)).get(`vllm:num_requests_running{${L}}`)).toBe(0);
    expect((await post(s.url, "/v1/completions", { prompt: "go", max_tokens: 2 })).status).toBe(200);
  });

  it("the evaluation engine's own requests: llmops eval on a provider: llama-cpp suite starts serve itself and stops it", async () => {
    writeFileSync(
      join(dir, "suite.yaml"),
      `name: tiny-local
cases:
  - {id: a, input: "2+39=", expected: "41"}
  - {id: b, input: "reverse river", expected: "revir"}
prompt: "{{ input }}"
target:
  provider: llama-cpp
  gguf: tiny.gguf
  model: tiny
  api: chat
  serve: {threads: 1, parallel: 2}
  params: {temperature: 0, max_tokens: 6}
scorers:
  - type: exact_match
`,
    );
    const r = await runCli(["eval", join(dir, "suite.yaml"), "--out", join(dir, "run"), "--no-cache", "--json"], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, "run/summary.json"), "utf8"));
    expect(summary.counts.records).toBe(2);
    expect(summary.counts.errors).toBe(0);
    expect(summary.provenance.target.provider).toBe("llama-cpp");
    expect(summary.provenance.target.base_url).toMatch(/^llama-cpp:sha256:[0-9a-f]{64}$/);
    // The weights' content hash is provenance a reader can rely on (the gate's "unchanged" reads it).
    expect(summary.provenance.target.model_hash).toBe(summary.provenance.target.base_url.replace(/^llama-cpp:/, ""));
    const lines = readFileSync(join(dir, "run/results.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.every((l) => l.prompt_tokens > 10 && l.error === null)).toBe(true);
    // It stopped the server it started.
    const pid = /pid (\d+)/.exec(r.stderr)?.[1];
    expect(pid).toBeDefined();
    expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 150_000);
});

describe("llmops serve: queue, API key, host, drain", () => {
  let dir: string;
  let gguf: string;
  beforeAll(async () => {
    dir = tempDir("llmops-serve-limits-");
    writeTinyLlama(join(dir, "model"), { ctx: 512 });
    // tokenizer_config.json's chat_template is exported as the model's template (this one refuses all chats).
    writeFileSync(join(dir, "model", "tokenizer_config.json"), JSON.stringify({ chat_template: "{{ raise_exception('this model takes no chats') }}" }));
    gguf = (await exportGguf({ modelDir: join(dir, "model"), cwd: dir, type: "q8_0", out: join(dir, "tiny.gguf"), logger: quiet })).out;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("without node-llama-cpp installed, serve exits 2 naming what to install", async () => {
    // The CLI bundle alone, where no node_modules can be found above it.
    const lone = join(dir, "lone");
    mkdirSync(lone);
    cpSync(dirname(cliBundle), lone, { recursive: true }); // index.js and the chunks it loads
    writeFileSync(join(lone, "package.json"), '{"type": "module"}');
    const r = await runNode([join(lone, "index.js"), "serve", gguf], { cwd: lone, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: llmops serve runs models with llama\.cpp through node-llama-cpp, which is not installed\nhint: npm install --omit=optional node-llama-cpp@3\.21\.1 @node-llama-cpp\/linux-x64@3\.21\.1/m);
  });

  it("--host 0.0.0.0 without --api-key-env is refused (exit 2) before anything binds", async () => {
    const r = await runCli(["serve", gguf, "--host", "0.0.0.0"], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--host 0\.0\.0\.0 would expose the model.*\n.*--api-key-env NAME/);
  });

  it("past the queue a 503 with Retry-After; /v1 needs the API key (health does not); SIGTERM lets the running request finish and exits 0", async () => {
    const s = await startServe([gguf, "--threads", "1", "--parallel", "1", "--queue", "1", "--api-key-env", "TEST_SERVE_KEY"], { env: { TEST_SERVE_KEY: "k-123" } });
    try {
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
      const noKey = await post(s.url, "/v1/completions", { prompt: "a", max_tokens: 2 });
      expect(noKey.status).toBe(401);
      const auth = { authorization: "Bearer k-123" };
      const refusedChat = await post(s.url, "/v1/chat/completions", { messages: [{ role: "user", content: "hi" }] }, auth);
      expect(refusedChat.status).toBe(400);
      expect(refusedChat.json.error.message).toBe("the model's chat template refused these messages: this model takes no chats");
      const body = { prompt: "a", max_tokens: 60, temperature: 0 };
      const all = await Promise.all(Array.from({ length: 4 }, () => post(s.url, "/v1/completions", body, auth)));
      const codes = all.map((r) => r.status).sort();
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(2); // one running + one queued
      const refused = all.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      expect(refused[0]!.headers.get("retry-after")).toBe("1");
      // Drain: a request in flight when SIGTERM arrives still completes.
      const inflight = post(s.url, "/v1/completions", { prompt: "b", max_tokens: 60, temperature: 0 }, auth);
      await new Promise((r) => setTimeout(r, 30));
      const exit = s.stop();
      const done = await inflight;
      expect(done.status).toBe(200);
      expect(done.json.usage.completion_tokens).toBeGreaterThan(0);
      const r = await exit;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/stopping: letting running requests finish/);
    } finally {
      await s.stop();
    }
  }, 120_000);
});
