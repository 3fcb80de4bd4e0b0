import { describe, expect, it } from "vitest";
import { computeDataVerdict } from "./verdict.js";

const report = (errors: number, warnings = 0, errorsByKind: Record<string, number> = {}) => ({ records: 10, errors, warnings, errorsByKind });

describe("computeDataVerdict", () => {
  it.each([
    ["clean", report(0), true, true, "**Data valid**: 10 records, 0 warning(s).", false],
    ["warnings only", report(0, 3), true, true, "**Data valid**: 10 records, 3 warning(s).", false],
    ["errors, fail-on-invalid", report(3, 1, { schema: 2, leakage: 1 }), true, false, "**Data invalid**: 3 error(s) in 10 records (schema 2, leakage 1).", true],
    ["errors, fail-on-invalid off", report(3, 1, { schema: 2, leakage: 1 }), false, false, "**Data invalid**: 3 error(s) in 10 records (schema 2, leakage 1).", false],
    ["clean, fail-on-invalid off", report(0), false, true, "**Data valid**: 10 records, 0 warning(s).", false],
  ] as const)("%s", (_what, r, failOnInvalid, valid, headline, fails) => {
    const v = computeDataVerdict(r, failOnInvalid);
    expect(v.valid).toBe(valid);
    expect(v.headline).toBe(headline);
    expect(v.failure !== null).toBe(fails);
    if (v.failure) expect(v.failure.message).toBe("3 error(s) in the data (see the annotations and the job summary)");
  });
});
