// The in-memory peer of `llmops compare` for bench/eval-scale.mjs: both runs read whole
// (readEvalRun: every record held) and compared by computeComparison, the code the streamed
// comparison must equal. Writes the comparison as `llmops compare` would (default policy, no gate).
// Usage (bundled by the bench): node --max-old-space-size=N compare-in-memory.mjs BASE_DIR CAND_DIR OUT.json
import { writeFileSync } from "node:fs";
import { readEvalRun } from "../src/app/eval/eval-run-reader.js";
import { aggregateFor } from "../src/core/compare/aggregates.js";
import { computeComparison } from "../src/core/compare/compute.js";
import { comparisonFormat } from "../src/core/contracts/comparison.js";
import { defaultPolicy } from "../src/core/gate/index.js";
import { VERSION } from "../src/version.js";

const [baseDir, candDir, out] = process.argv.slice(2) as [string, string, string];
const [b, c] = [await readEvalRun(baseDir, "baseline"), await readEvalRun(candDir, "candidate")];
const comparison = computeComparison(b, c, { policy: defaultPolicy(), policySource: "default", gate: false, aggregateFor, llmopsVersion: VERSION, createdAt: new Date().toISOString() });
writeFileSync(out, comparisonFormat.serialize(comparison));
