// Every numeric field has a sane range and every name a length and character set, checked when
// the suite is loaded (not when a run dies on ENAMETOOLONG or a timer that overflows to 1 ms).
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { parseYamlSource, validateConfig } from "../config/index.js";
import { ConfigError } from "../../errors.js";
import { suiteSchema } from "./suite-schema.js";

const base = { name: "s", cases: [{ input: "x" }], prompt: "{{ input }}", target: { base_url: "http://127.0.0.1:1/v1", model: "m" }, scorers: [{ type: "exact_match" }] };
const load = (over: Record<string, unknown>) => validateConfig(suiteSchema, parseYamlSource(stringify({ ...base, ...over }), "s.yaml"), "eval suite");

describe("suite ranges", () => {
  it("accepts the plain suite", () => expect(load({}).name).toBe("s"));
  it.each([
    ["a request timeout past Node's timer limit", { timeouts: { request_s: 123456789012 } }, /timeouts\.request_s: expected ≤ 86400/],
    ["a 300-character name", { name: "n".repeat(300) }, /name: expected a name that is safe as a path segment: 1–100 characters/],
    ["a name with a slash", { name: "../x" }, /name: expected a name that is safe as a path segment/],
    ["a negative seed", { seed: -1 }, /seed: expected ≥ 0/],
    ["a threshold above 1", { scorers: [{ type: "exact_match", threshold: 5 }] }, /scorers\[0\]\.threshold: expected ≤ 1/],
    ["a negative threshold", { scorers: [{ type: "exact_match", threshold: -0.5 }] }, /scorers\[0\]\.threshold: expected ≥ 0/],
    ["max_regression 1e20", { gate: { metrics: { exact_match: { max_regression: 1e20 } } } }, /gate\.metrics\.exact_match\.max_regression/],
    ["an absurd retry delay", { retries: { max_delay_ms: 1e12 } }, /retries\.max_delay_ms: expected ≤/],
    ["a temperature of 9", { target: { ...base.target, params: { temperature: 9 } } }, /target\.params\.temperature: expected ≤ 2/],
    // A sampling parameter must not name the model or the request itself: params are what a pull
    // request contributes under the gate's yardstick, and extra.model would swap the judged model.
    ["extra.model", { target: { ...base.target, params: { extra: { model: "a-stronger-model" } } } }, /target\.params\.extra\.model: .*not a sampling parameter.*target\.model/],
    ["extra.messages", { target: { ...base.target, params: { extra: { messages: [] } } } }, /target\.params\.extra\.messages: .*not a sampling parameter/],
    ["extra.stream", { target: { ...base.target, params: { extra: { stream: true } } } }, /target\.params\.extra\.stream: .*not a sampling parameter/],
  ])("refuses %s", (_label, over, message) => {
    expect(() => load(over)).toThrow(ConfigError);
    expect(() => load(over)).toThrow(message);
  });
});
