import { describe, expect, it } from "vitest";
import { caseSetOf } from "./case-set.js";
import { toCase } from "./cases.js";
import { JobPlanner, effectiveTarget, planJobs } from "./plan.js";
import { compilePrompt } from "./prompt.js";
import { planRun } from "./run-plan.js";
import { shardCases } from "./shard.js";
import { suiteSchema } from "./suite-schema.js";
import { sha256 } from "./hash.js";
import { stableStringify } from "../stable-json.js";
import { InternalError } from "../../errors.js";

const suite = suiteSchema.parse({ name: "s", cases: [{ input: "x" }], prompt: "Q: {{ input }}", target: { base_url: "http://127.0.0.1:1/v1", model: "m" }, scorers: [{ type: "exact_match" }], repeats: 2 });
const target = effectiveTarget(suite, {});
const prompt = compilePrompt({ kind: "template", template: "Q: {{ input }}" }, "p");
const cases = Array.from({ length: 11 }, (_, i) => toCase({ id: `c${i}`, input: `${i}` }, `f:${i + 1}`));

describe("planRun", () => {
  it.each([
    [{}, cases],
    [{ limit: 5 }, cases.slice(0, 5)],
    [{ shard: { index: 2, count: 3 } }, shardCases(cases, { index: 2, count: 3 })],
    [{ limit: 7, shard: { index: 3, count: 3 } }, shardCases(cases.slice(0, 7), { index: 3, count: 3 })],
    [{ limit: 1, shard: { index: 2, count: 2 } }, []],
  ])("streams the same jobs the array plan makes (%j), and indexes them by case id", async (select, expected) => {
    const { set } = await caseSetOf(cases);
    const plan = planRun(set, new JobPlanner(suite, prompt, target), select);
    const streamed = [];
    for await (const j of plan.jobs()) streamed.push(j);
    const reference = planJobs(suite, expected, prompt, target);
    expect(streamed.map((j) => [j.index, j.evalCase.id, j.repeat, j.key])).toEqual(reference.map((j) => [j.index, j.evalCase.id, j.repeat, j.key]));
    expect(plan.size).toBe(reference.length);
    for (const j of reference) expect(plan.indexOf(j.evalCase.id, j.repeat)).toBe(j.index);
    const planned = new Set(expected.map((c) => c.id));
    for (const c of cases) if (!planned.has(c.id)) expect(plan.indexOf(c.id, 0)).toBe(-1);
    expect(plan.indexOf("c0", 2)).toBe(-1);
  });

  it("drops its id table on releaseIndex: the jobs still stream, and a lookup after it is an internal error, not a miss", async () => {
    const { set } = await caseSetOf(cases);
    const plan = planRun(set, new JobPlanner(suite, prompt, target), {});
    expect(plan.releaseIndex()).toBeGreaterThan(0);
    expect(set.ids.bytes).toBe(0);
    let n = 0;
    for await (const _ of plan.jobs()) n++;
    expect(n).toBe(plan.size);
    expect(() => plan.indexOf("c0", 0)).toThrow(InternalError);
    expect(plan.releaseIndex()).toBe(0);
  });
});

describe("JobPlanner's cache keys", () => {
  // The key as the array planner computed it before keys were cut into frames: one canonical JSON
  // of the whole request description, hashed (a changed key would miss every cached response).
  const reference = (t: typeof target, params: unknown, input: unknown, repeat: number, identity?: string) =>
    sha256(stableStringify({ v: 1, provider: t.provider, base_url: identity ?? t.base_url.replace(/\/+$/, ""), model: t.model, api: t.api, params, input, repeat }));
  it.each([
    ["chat", undefined],
    ["completions", undefined],
    ["chat", "llama-cpp:sha256:ab\"input\":\"x"],
  ] as const)("equal the canonical JSON's hash (%s api, identity %s), repeat by repeat", (api, identity) => {
    const s = suiteSchema.parse({ ...suite, target: { ...suite.target, api, base_url: 'http://127.0.0.1:1/v1/', params: { temperature: 0.5, extra: { note: '"input":"\u0000' } } }, repeats: 3 });
    const t = effectiveTarget(s, {});
    const c = toCase({ id: "q", input: 'He said "hi"\n\u0000' }, "f:1");
    const jobs = new JobPlanner(s, prompt, t, identity).jobsFor(c, 0);
    const rendered = prompt.render({ input: c.input }, { caseId: "q" });
    expect(jobs.map((j) => j.key)).toEqual(jobs.map((j) => reference(t, j.request.params, api === "chat" ? rendered.messages : rendered.text, j.repeat, identity)));
    expect(jobs[0]!.inputHash).toBe(sha256(stableStringify(rendered.messages)));
    expect(new Set(jobs.map((j) => j.key)).size).toBe(3);
  });
});
