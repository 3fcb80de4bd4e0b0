// Judge and embedding scorers through the spawned CLI, against loopback OpenAI-compatible servers:
// a judge with a planted position bias (it names whichever answer is shown first with probability
// p, else the truly better one), unparseable answers, 500s to retry, human labels, /v1/embeddings
// and the response cache on a second run.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, runCli, tempDir } from "../support/cli.js";
import { bagOfWordsEmbedding, startOpenAiTestServer, type OpenAiTestServer } from "../support/openai-server.js";
import { writeSuite } from "../support/suites.js";

let servers: OpenAiTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const N = 120;
const BIAS = 0.4;

/** good > fair > bad: the model answers "good" on even cases and "bad" on odd ones; the reference is "fair". */
const quality = (answer: string) => (answer.startsWith("good") ? 2 : answer.startsWith("fair") ? 1 : 0);

/** A uniform number in [0,1) from the request text: the same request always gets the same verdict. */
function uniform(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function between(text: string, open: string, close: string): string {
  const a = text.indexOf(open);
  const b = text.indexOf(close, a + open.length);
  return text.slice(a + open.length, b).trim();
}

function judge(prompt: string): string {
  if (prompt.includes("<<<ANSWER A")) {
    const a = between(prompt, "<<<ANSWER A", "ANSWER A>>>");
    const b = between(prompt, "<<<ANSWER B", "ANSWER B>>>");
    if (uniform(prompt) < BIAS) return '{"reason": "the first one reads better", "winner": "A"}';
    const qa = quality(a);
    const qb = quality(b);
    return qa === qb ? "[[C]]" : `{"reason": "more complete", "winner": "${qa > qb ? "A" : "B"}"}`;
  }
  const answer = between(prompt, "<<<ANSWER", "ANSWER>>>");
  const i = Number(/(\d+)$/.exec(answer)?.[1]);
  if (i % 25 === 0) return "I am not sure. ::warning::planted";
  return quality(answer) === 2 ? '{"reason": "correct and complete", "score": 5}' : "The answer is wrong.\nScore: 1";
}

function setup() {
  const dir = tempDir();
  const lines = Array.from({ length: N }, (_, i) => JSON.stringify({ id: `c${String(i).padStart(3, "0")}`, input: `question ${i}`, expected: `fair answer ${i}` }));
  writeFileSync(join(dir, "cases.jsonl"), `${lines.join("\n")}\n`);
  // Human labels for cases 1..40: they agree with the judge except on three cases.
  const labels = Array.from({ length: 40 }, (_, k) => {
    const i = k + 1;
    const label = i === 2 || i === 4 ? 4 : i === 3 ? 2 : i % 2 === 0 ? 5 : 1;
    return JSON.stringify({ case_id: `c${String(i).padStart(3, "0")}`, label });
  });
  writeFileSync(join(dir, "labels.jsonl"), `${labels.join("\n")}\n`);
  return dir;
}

describe("judge scorers (spawned CLI, loopback judge)", () => {
  it("pairwise judging in both orders removes a planted position bias and measures it; rubric errors keep the raw answer; retries, calibration, embeddings, cache", { timeout: 120_000 }, async () => {
    const model = await startOpenAiTestServer({ respond: (r) => {
      const i = Number(/question (\d+)/.exec(r.prompt)?.[1]);
      return `${i % 2 === 0 ? "good" : "bad"} answer ${i}`;
    } });
    // The first attempt of every rubric request for cases 3, 13, 23, … fails with a 500.
    const judgeServer = await startOpenAiTestServer({
      respond: (r) => judge(r.prompt),
      faultFor: (r, attempt) => (attempt === 1 && !r.prompt.includes("<<<ANSWER A") && /answer \d*3\nANSWER>>>/.test(r.prompt) ? "500" : undefined),
    });
    servers.push(model, judgeServer);
    const dir = setup();
    const target = { base_url: judgeServer.baseUrl, model: "judge-1", prices: { prompt_per_1k: 1, completion_per_1k: 2 } };
    const suite = writeSuite(dir, model.baseUrl, {
      scorers: [
        { type: "exact_match" },
        { type: "judge_rubric", name: "quality", target, rubric: "Correct and complete.", scale: 5, calibration: { labels: "labels.jsonl", min_kappa: 0.995 } },
        { type: "judge_pairwise", name: "preference", target, criteria: "Which answer is more correct?" },
        { type: "embedding_similarity", name: "similarity", target: { base_url: model.baseUrl, model: "embed-1" } },
      ],
    });
    const cacheDir = join(dir, "cache");
    const out = join(dir, "out");
    const r = await runCli(["eval", suite, "--out", out, "--cache-dir", cacheDir], { cwd: dir });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.code).toBe(0);

    const records = readFileSync(join(out, "results.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(N);
    const byId = new Map(records.map((x) => [x.case_id, x]));
    // The swap removes the bias: a preference is counted only in the true direction.
    for (const rec of records) {
      const i = Number(rec.case_id.slice(1));
      const v = rec.scores.preference.value;
      expect(v === 0.5 || v === (i % 2 === 0 ? 1 : 0), `${rec.case_id}: ${JSON.stringify(rec.scores.preference)}`).toBe(true);
    }
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.schema).toBe("llmops.summary/v3");
    const pb = summary.judges.preference.position_bias;
    expect(pb.pairs).toBe(N);
    expect(pb.wins + pb.losses + pb.ties + pb.inconsistent).toBe(N);
    expect(pb.ties).toBe(0);
    // What the judge server did, counted independently from the requests it saw.
    const pairRequests = judgeServer.requests.filter((q) => q.prompt.includes("<<<ANSWER A") && q.outcome === "ok");
    expect(pairRequests).toHaveLength(2 * N);
    const biased = (id: number, first: "output" | "reference") => {
      const q = pairRequests.find((p) => between(p.prompt, "<<<QUESTION", "QUESTION>>>") === `question ${id}` && between(p.prompt, "<<<ANSWER A", "ANSWER A>>>").startsWith(first === "output" ? (id % 2 === 0 ? "good" : "bad") : "fair"))!;
      return uniform(q.prompt) < BIAS;
    };
    // A pair flips exactly when the bias fired in the order that put the truly worse answer first.
    let flips = 0;
    for (let i = 0; i < N; i++) if (biased(i, i % 2 === 0 ? "reference" : "output")) flips++;
    expect(pb.inconsistent).toBe(flips);
    expect(pb.flip_rate).toBeCloseTo(flips / N, 12);
    expect(Math.abs(pb.flip_rate - BIAS)).toBeLessThan(0.15);
    // First-position wins: p + (1 − p)/2 = 0.7 expected; the interval excludes 0.5 (no bias).
    expect(pb.decisive_verdicts).toBe(2 * N);
    expect(pb.first_position_win_rate).toBeGreaterThan(0.6);
    expect(pb.first_position_ci95[0]).toBeGreaterThan(0.5);
    expect(summary.metrics.preference.mean).toBeCloseTo((pb.wins + 0.5 * pb.inconsistent) / N, 10);

    // Rubric: 5 → 1.0, "Score: 1" → 0; cases 0, 25, 50, … did not parse: null with the raw answer, never 0.
    const unparsed = Array.from({ length: N }, (_, i) => i).filter((i) => i % 25 === 0);
    expect(byId.get("c002").scores.quality).toMatchObject({ value: 1, detail: { verdict: "5", reason: "correct and complete" } });
    expect(byId.get("c003").scores.quality).toMatchObject({ value: 0, detail: { verdict: "1" } });
    expect(byId.get("c025").scores.quality).toMatchObject({ value: null, detail: { raw: "I am not sure. ::warning::planted" } });
    expect(byId.get("c025").scores.quality.detail.error).toMatch(/did not parse: no score found/);
    const q = summary.judges.quality;
    expect(q.errors).toEqual({ parse: unparsed.length, request: 0 });
    expect(summary.metrics.quality.n).toBe(N - unparsed.length);
    expect(q.distribution).toEqual({ "5": N / 2 - unparsed.filter((i) => i % 2 === 0).length, "1": N / 2 - unparsed.filter((i) => i % 2 === 1).length });
    // Retried 500s: one per rubric request of a case ending in 3, and every one got its verdict.
    const threes = Array.from({ length: N }, (_, i) => i).filter((i) => i % 10 === 3).length;
    expect(judgeServer.requests.filter((x) => x.outcome === "500")).toHaveLength(threes);
    expect(q.usage.retries).toBe(threes);
    expect(q.usage.requests).toBe(N);
    expect(q.usage.cost).toBeGreaterThan(0);
    expect(q.usage.currency).toBe("USD");
    expect(q.prompt.source).toBe("builtin:rubric.jinja");
    // Calibration: 40 labels, case 25 has no verdict; three near-misses (4 for 5 twice, 2 for 1) on
    // 39 cases give quadratic-weighted kappa 0.990096 (worked out by hand from the 5×5 table), below 0.995.
    expect(q.calibration).toMatchObject({ n: 39, unmatched_labels: 1, weights: "quadratic", statistic: "cohen_kappa", interval_method: "bootstrap-percentile", below_min: true });
    expect(q.calibration.kappa).toBeCloseTo(0.990096, 5);
    expect(q.calibration.ci95[0]).toBeLessThanOrEqual(q.calibration.kappa);
    expect(r.stderr).toMatch(/scorer quality: agreement with human labels is below the suite's minimum — Cohen's kappa 0\.\d{3}/);
    // The judge's raw answer reaches the log only neutralised (no workflow command).
    expect(r.stderr + r.stdout).not.toMatch(/(^|\n)\s*::warning::/);

    // Embeddings: cosine of bag-of-words vectors, computed here from the server's own vectors.
    const cos = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * b[k]!, 0) / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
    for (const id of ["c000", "c007", "c100"]) {
      const rec = byId.get(id);
      expect(rec.scores.similarity.value).toBeCloseTo(cos(bagOfWordsEmbedding(rec.output), bagOfWordsEmbedding(rec.expected)), 5);
    }
    expect(model.requests.filter((x) => x.path.endsWith("/embeddings"))).toHaveLength(2 * N);

    // Second run: every judge and embedding answer comes from the response cache.
    const judged = judgeServer.requests.length;
    const embedded = model.requests.length;
    const again = await runCli(["eval", suite, "--out", join(dir, "out2"), "--cache-dir", cacheDir, "--json"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(judgeServer.requests.length).toBe(judged);
    expect(model.requests.length).toBe(embedded);
    const s2 = JSON.parse(again.stdout).summary;
    expect(s2.judges.preference.usage).toMatchObject({ requests: 0, cached: 2 * N });
    expect(s2.judges.preference.position_bias).toEqual(pb);
    expect(s2.metrics.quality.mean).toBe(summary.metrics.quality.mean);
  });

  it("a fatal judge failure (401) stops the run naming the judge's URL and key variable, exit 2", async () => {
    const model = await startOpenAiTestServer({ respond: () => "good answer 1" });
    const judgeServer = await startOpenAiTestServer({ apiKey: "right", respond: () => '{"score": 3}' });
    servers.push(model, judgeServer);
    const dir = setup();
    const suite = writeSuite(dir, model.baseUrl, {
      scorers: [{ type: "judge_rubric", target: { base_url: judgeServer.baseUrl, model: "j", api_key_env: "JUDGE_KEY" }, rubric: "r" }],
    });
    const r = await runCli(["eval", suite, "--out", join(dir, "out"), "--no-cache"], { cwd: dir, env: { JUDGE_KEY: "wrong" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scorer request failed: .*\/chat\/completions answered 401/);
    expect(r.stderr).toMatch(/JUDGE_KEY/);
    expect(r.stderr).not.toContain("wrong");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("refuses a judge key variable of the runner's own (GITHUB_TOKEN), naming the place", async () => {
    const dir = setup();
    const suite = writeSuite(dir, "http://127.0.0.1:9/v1", {
      scorers: [{ type: "judge_rubric", target: { base_url: "http://127.0.0.1:9/v1", model: "j", api_key_env: "GITHUB_TOKEN" }, rubric: "r" }],
    });
    const r = await runCli(["eval", suite, "--dry-run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/suite\.yaml:\d+:\d+.*api_key_env.*GITHUB_\*/s);
  });

  it("the example project's judged suite validates with --dry-run: each judge's first request, its own judge prompt file", async () => {
    const r = await runCli(["eval", "evals/reviews-judged.yaml", "--dry-run", "--json"], { cwd: repoRoot });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.judges.map((j: { scorer: string }) => j.scorer)).toEqual(["judge_label", "judge_vs_reference", "similarity"]);
    expect(plan.judges[0].body.messages[0].content).toContain("You check the answers of a review classifier.");
    expect(plan.judges[0].body.messages[0].content).not.toContain("semver:"); // front matter is configuration, not text
    expect(plan.judges[1].body.messages[0].content).toMatch(/<<<ANSWER A\n\(the model's output\)\nANSWER A>>>/);
    expect(plan.judges[2]).toMatchObject({ url: "http://127.0.0.1:8081/v1/embeddings", body: { model: "embedder" } });
  });

  it.each([
    ["a label outside the scale", '{"case_id": "c001", "label": 7}\n', /labels\.jsonl:1: label 7 is not an integer from 1 to 5/],
    ["a line that is not a label", '{"case_id": "c001", "label": 3}\n{"case": "c002"}\n', /labels\.jsonl:2: not a valid llmops\.judge-labels\/v1 document/],
    ["a case labelled twice", '{"case_id": "c001", "label": 3}\n{"case_id": "c001", "label": 4}\n', /labels\.jsonl:2: case "c001" is labelled twice/],
  ])("refuses human labels with %s, naming file:line (exit 2)", async (_what, text, message) => {
    const dir = setup();
    writeFileSync(join(dir, "labels.jsonl"), text);
    const suite = writeSuite(dir, "http://127.0.0.1:9/v1", {
      scorers: [{ type: "judge_rubric", target: { base_url: "http://127.0.0.1:9/v1", model: "j" }, rubric: "r", calibration: { labels: "labels.jsonl" } }],
    });
    const r = await runCli(["eval", suite, "--dry-run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("a judge prompt with an undefined variable fails --dry-run at its file:line:col", async () => {
    const dir = setup();
    writeFileSync(join(dir, "judge.jinja"), "Grade this.\nAnswer: {{ output }} vs {{ gold }}\n");
    const suite = writeSuite(dir, "http://127.0.0.1:9/v1", {
      scorers: [{ type: "judge_rubric", target: { base_url: "http://127.0.0.1:9/v1", model: "j" }, rubric: "r", prompt: { file: "judge.jinja" } }],
    });
    const r = await runCli(["eval", suite, "--dry-run"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/judge\.jinja:2:28: undefined variable "gold"/);
  });
});
