// Start the built `llmops serve` on a free loopback port and wait until /health says ready.
import { runCli, type ProcResult } from "./cli.js";

export interface ServeHandle {
  url: string;
  stderr(): string;
  /** SIGTERM, then the exit. */
  stop(): Promise<ProcResult>;
  exited: Promise<ProcResult>;
  pid: number;
}

export async function startServe(args: string[], opts: { env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<ServeHandle> {
  const p = runCli(["serve", ...args, "--port", "0"], { ...(opts.env ? { env: opts.env } : {}) });
  let stderr = "";
  p.child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    p.child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void p.then((r) => reject(new Error(`serve exited ${r.code} before listening:\n${r.stderr}`)));
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 90_000);
  for (;;) {
    const r = await fetch(`${url}/health`).catch(() => undefined);
    if (r?.status === 200) break;
    if (p.child.exitCode !== null) throw new Error(`serve exited ${p.child.exitCode} while loading:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`serve was not healthy in time:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: p.child.pid!,
    stderr: () => stderr,
    exited: p,
    stop: async () => {
      if (p.child.exitCode === null) p.child.kill("SIGTERM");
      return p;
    },
  };
}

export interface CompletionResult {
  text: string;
  finish_reason: string;
  token_ids: number[];
  token_logprobs: number[];
}

/** Greedy /v1/completions with log-probs. */
export async function greedy(url: string, prompt: string, maxTokens: number): Promise<CompletionResult> {
  const r = await fetch(`${url}/v1/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, max_tokens: maxTokens, temperature: 0, logprobs: 1 }),
  });
  if (r.status !== 200) throw new Error(`${r.status}: ${await r.text()}`);
  const j = (await r.json()) as { choices: { text: string; finish_reason: string; logprobs: { token_ids: number[]; token_logprobs: number[] } }[] };
  const c = j.choices[0]!;
  return { text: c.text, finish_reason: c.finish_reason, token_ids: c.logprobs.token_ids, token_logprobs: c.logprobs.token_logprobs };
}
