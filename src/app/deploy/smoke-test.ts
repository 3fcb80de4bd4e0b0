// Smoke test of an OpenAI-compatible endpoint after a deployment: /health ready within a timeout,
// /v1/models names the promoted version, fixed prompts give their expected answers, streaming
// works, and an adapter really changes the output. Every check is reported, pass or fail.
import type { Clock } from "../../core/ports/index.js";
import type { SmokeSpec } from "../../core/deploy/environments.js";

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SmokeReport {
  ok: boolean;
  endpoint: string;
  checks: SmokeCheck[];
}

export interface SmokeInput {
  /** The OpenAI-compatible base URL (…/v1). */
  baseUrl: string;
  /** The versioned name /v1/models must list (name:vX.Y.Z), used for every request. */
  model: string;
  /** For an adapter: the base model's served name, whose answer must differ. */
  baseModel: string | null;
  spec: SmokeSpec;
  apiKey?: string;
  clock: Clock;
}

export async function runSmokeTest(input: SmokeInput): Promise<SmokeReport> {
  const v1 = input.baseUrl.replace(/\/+$/, "").replace(/(\/v1)?$/, "/v1");
  const root = v1.replace(/\/v1$/, "");
  const checks: SmokeCheck[] = [];
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (input.apiKey) headers.authorization = `Bearer ${input.apiKey}`;
  const timeoutMs = input.spec.request_timeout_s * 1000;
  const deadline = input.clock.now() + input.spec.ready_timeout_s * 1000;
  const report = (): SmokeReport => ({ ok: checks.every((c) => c.ok), endpoint: v1, checks });

  // 1. Readiness: connection refused or 503 (loading) mean "not yet"; wait until the deadline.
  let last = "no answer";
  let ready = false;
  while (!ready && input.clock.now() < deadline) {
    try {
      const r = await fetch(`${root}/health`, { signal: AbortSignal.timeout(Math.min(timeoutMs, 5000)) });
      last = `HTTP ${r.status}`;
      await r.arrayBuffer();
      ready = r.status === 200;
    } catch (err) {
      last = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    }
    if (!ready) await input.clock.sleep(500);
  }
  checks.push({ name: "health", ok: ready, detail: ready ? `${root}/health answered 200` : `${root}/health not ready within ${input.spec.ready_timeout_s}s (last: ${last})` });
  if (!ready) return report();

  // 2. Identity: the rollout may still be switching versions, so poll until the deadline.
  let ids: string[] = [];
  let listed = false;
  do {
    try {
      const r = await fetch(`${v1}/models`, { headers, signal: AbortSignal.timeout(timeoutMs) });
      const j = (await r.json()) as { data?: Array<{ id?: unknown }> };
      ids = (j.data ?? []).map((d) => String(d.id));
      listed = ids.includes(input.model);
    } catch (err) {
      ids = [`(error: ${err instanceof Error ? err.message : String(err)})`];
    }
    if (!listed) await input.clock.sleep(500);
  } while (!listed && input.clock.now() < deadline);
  checks.push({ name: "models", ok: listed, detail: listed ? `/v1/models lists ${input.model}` : `/v1/models lists ${ids.join(", ") || "nothing"}, not ${input.model}` });
  if (!listed) return report();

  // 3. Fixed prompts with expected answers (temperature 0).
  const answers: string[] = [];
  for (const p of input.spec.prompts) {
    const got = await complete(v1, headers, input.spec.api, input.model, p.prompt, p.max_tokens, timeoutMs);
    answers.push(got.text ?? "");
    if (got.error) {
      checks.push({ name: `prompt ${JSON.stringify(p.prompt)}`, ok: false, detail: got.error });
      continue;
    }
    const text = got.text ?? "";
    const ok = (p.expect === undefined || text.includes(p.expect)) && (p.pattern === undefined || new RegExp(p.pattern).test(text)) && text.length > 0;
    const want = [p.expect !== undefined ? `contain ${JSON.stringify(p.expect)}` : "", p.pattern !== undefined ? `match /${p.pattern}/` : ""].filter(Boolean).join(" and ") || "be non-empty";
    checks.push({ name: `prompt ${JSON.stringify(p.prompt)}`, ok, detail: `answered ${JSON.stringify(text.slice(0, 200))}; expected it to ${want}` });
  }

  // 4. Streaming: SSE chunks with text, then [DONE].
  if (input.spec.streaming) {
    const prompt = input.spec.prompts[0]?.prompt ?? "Say hello.";
    checks.push(await streamCheck(v1, headers, input.spec.api, input.model, prompt, timeoutMs));
  }

  // 5. An adapter must change the base model's answer.
  if (input.baseModel && input.spec.adapter_changes_output) {
    const prompt = input.spec.prompts[0]?.prompt ?? "Say hello.";
    const base = await complete(v1, headers, input.spec.api, input.baseModel, prompt, input.spec.prompts[0]?.max_tokens ?? 32, timeoutMs);
    const mine = answers[0] ?? (await complete(v1, headers, input.spec.api, input.model, prompt, 32, timeoutMs)).text ?? "";
    const ok = !base.error && base.text !== mine;
    checks.push({ name: "adapter changes output", ok, detail: base.error ? `base model ${input.baseModel}: ${base.error}` : ok ? `base model answered ${JSON.stringify((base.text ?? "").slice(0, 80))}, the adapter ${JSON.stringify(mine.slice(0, 80))}` : `base model ${input.baseModel} and the adapter gave the same answer ${JSON.stringify(mine.slice(0, 80))}: the adapter is not applied` });
  }
  return report();
}

function requestBody(api: "chat" | "completions", model: string, prompt: string, maxTokens: number, stream: boolean): string {
  const common = { model, max_tokens: maxTokens, temperature: 0, stream };
  return JSON.stringify(api === "chat" ? { ...common, messages: [{ role: "user", content: prompt }] } : { ...common, prompt });
}

async function complete(v1: string, headers: Record<string, string>, api: "chat" | "completions", model: string, prompt: string, maxTokens: number, timeoutMs: number): Promise<{ text?: string; error?: string }> {
  const url = `${v1}/${api === "chat" ? "chat/completions" : "completions"}`;
  try {
    const r = await fetch(url, { method: "POST", headers, body: requestBody(api, model, prompt, maxTokens, false), signal: AbortSignal.timeout(timeoutMs) });
    const text = await r.text();
    if (r.status !== 200) return { error: `POST ${url} answered ${r.status}: ${text.slice(0, 200)}` };
    const j = JSON.parse(text) as { choices?: Array<{ text?: string; message?: { content?: string } }> };
    const c = j.choices?.[0];
    return { text: api === "chat" ? (c?.message?.content ?? "") : (c?.text ?? "") };
  } catch (err) {
    return { error: `POST ${url} failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function streamCheck(v1: string, headers: Record<string, string>, api: "chat" | "completions", model: string, prompt: string, timeoutMs: number): Promise<SmokeCheck> {
  const url = `${v1}/${api === "chat" ? "chat/completions" : "completions"}`;
  try {
    const r = await fetch(url, { method: "POST", headers, body: requestBody(api, model, prompt, 16, true), signal: AbortSignal.timeout(timeoutMs) });
    const body = await r.text();
    if (r.status !== 200) return { name: "streaming", ok: false, detail: `POST ${url} (stream) answered ${r.status}` };
    const events = body.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6));
    const chunks = events.filter((e) => e !== "[DONE]").length;
    const done = events.at(-1) === "[DONE]";
    return { name: "streaming", ok: chunks > 0 && done, detail: `${chunks} chunk(s)${done ? ", then [DONE]" : ", no [DONE] at the end"}` };
  } catch (err) {
    return { name: "streaming", ok: false, detail: `POST ${url} (stream) failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
