import { describe, expect, it } from "vitest";
import { renderTrainFailureSummary, renderTrainSummary } from "./render-summary.js";
import type { TrainRunResult } from "./run-training.js";

const result = {
  dryRun: false,
  outDir: "/out",
  modelDir: "/out/model",
  modelHash: "sha256:8136cd81d9fb56a35106ab7a6d16cbbc779e711b892a05a574c85b9438da7787",
  metrics: { steps: 150, total_steps: 150, loss: 0.7281, min_loss: 0.7281, eval_loss: 0.9243, tokens_per_s: 5120.4, train_s: 24.9 },
  record: { backend: "reference", machine: { device: "cpu" }, git: { commit: "bfce3fcf13ba62113852630e63509ec5b51906fe" }, model: { files: [{}, {}, {}] } },
  lossMermaid: "```mermaid\nxychart-beta\n  line [1, 0.5]\n```",
  renderedConfig: [{ name: "config/axolotl.yaml", content: "base_model: x\n# ```` fence breaker\n" }],
} as unknown as TrainRunResult;

describe("renderTrainSummary", () => {
  it("renders metrics, the chart and the config", () => {
    expect(renderTrainSummary(result, { name: "tiny <b>@team</b>" })).toMatchInlineSnapshot(`
      "## Training: tiny &lt;b&gt;@⁠team&lt;/b&gt;

      |   steps | final loss | min loss | eval loss | tokens/s |  time |
      | ------: | ---------: | -------: | --------: | -------: | ----: |
      | 150/150 |     0.7281 |   0.7281 |    0.9243 |     5120 | 24.9s |

      Model \`sha256:8136cd81d9fb56a35106ab7a6d16cbbc779e711b892a05a574c85b9438da7787\` (3 files), backend **reference**, device **cpu**, commit \`bfce3fcf13ba\`.

      \`\`\`mermaid
      xychart-beta
        line [1, 0.5]
      \`\`\`

      <details><summary>Rendered config: config/axolotl.yaml</summary>

      \`\`\`\`\`yaml
      base_model: x
      # \`\`\`\` fence breaker
      \`\`\`\`\`

      </details>
      "
    `);
  });
});

describe("renderTrainFailureSummary", () => {
  it("shows the reason and the curve so far", () => {
    const recs = [
      { kind: "train" as const, record: { step: 1, loss: 4 } },
      { kind: "train" as const, record: { step: 2, loss: 3 } },
      { kind: "train" as const, record: { step: 3, loss: Number.NaN } },
    ];
    expect(renderTrainFailureSummary("tiny", "training stopped: loss became NaN at step 3", recs)).toMatchInlineSnapshot(`
      "## Training failed: tiny

      \`\`\`
      training stopped: loss became NaN at step 3
      \`\`\`

      Last logged step 3, loss NaN.

      \`\`\`mermaid
      xychart-beta
        title "tiny loss (until the failure)"
        x-axis "step" [1, 2]
        y-axis "loss" 2.95 --> 4.05
        line [4, 3]
      \`\`\`
      "
    `);
    expect(renderTrainFailureSummary("tiny", "boom", [])).toContain("No step was logged.");
  });
});
