// Write small eval suites and datasets into temp directories for tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

export function writeArithmeticCases(dir: string, n: number): string {
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = i;
    const b = (i * 13 + 5) % 50;
    lines.push(JSON.stringify({ id: `c${String(i).padStart(4, "0")}`, input: `${a}+${b}=`, expected: String(a + b) }));
  }
  const path = join(dir, "cases.jsonl");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** The right sum, or off by one for prompts whose first number is divisible by `wrongEvery`. */
export function arithmeticAnswer(prompt: string, wrongEvery = 0): string {
  const m = /(\d+)\+(\d+)=/.exec(prompt);
  if (!m) return "?";
  const a = Number(m[1]);
  const sum = a + Number(m[2]);
  return String(wrongEvery > 0 && a % wrongEvery === 0 ? sum + 1 : sum);
}

export function writeSuite(dir: string, baseUrl: string, overrides: Record<string, unknown> = {}): string {
  const suite = {
    name: "arith",
    cases: { file: "cases.jsonl" },
    prompt: "{{ input }}",
    target: { base_url: baseUrl, model: "m", api: "chat", stream: true, params: { temperature: 0, max_tokens: 8 } },
    scorers: [{ type: "exact_match", threshold: 1 }],
    concurrency: 8,
    timeouts: { request_s: 2 },
    retries: { max_attempts: 8, base_delay_ms: 5, max_delay_ms: 50 },
    // Tests count the server's requests exactly; hedged copies (tested on their own in
    // eval-deadlines.test.ts) would add some whenever a loaded machine slows an answer.
    hedge: false,
    ...overrides,
  };
  const path = join(dir, "suite.yaml");
  writeFileSync(path, stringify(suite));
  return path;
}

/** Wait until a run directory's results.jsonl holds more than `lines` lines (or `timeoutMs` passes). */
export async function waitForRecords(outDir: string, lines: number, timeoutMs = 20_000): Promise<void> {
  const p = join(outDir, "results.jsonl");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    if (existsSync(p) && readFileSync(p, "utf8").split("\n").length > lines) return;
  }
}
