import { describe, expect, it } from "vitest";
import { downsample, lossSeries, renderLossMermaid, renderLossSvg } from "./loss-chart.js";

const records = [
  ...[4.8, 3.9, 3.1, 2.6, 2.2, 1.9, Number.NaN, 1.7, 1.55, 1.5].map((loss, i) => ({ kind: "train" as const, record: { step: (i + 1) * 5, loss } })),
  { kind: "eval" as const, record: { step: 25, eval_loss: 2.4 } },
  { kind: "eval" as const, record: { step: 50, eval_loss: 1.8 } },
];

describe("loss charts", () => {
  const series = lossSeries(records);
  it("drops non-finite points", () => {
    expect(series.train).toHaveLength(9);
    expect(series.eval).toEqual([
      { step: 25, loss: 2.4 },
      { step: 50, loss: 1.8 },
    ]);
  });
  it("renders Mermaid xychart-beta", () => {
    expect(renderLossMermaid(series, { title: 'tiny "sft"' })).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      xychart-beta
        title "tiny 'sft'"
        x-axis "step" [5, 10, 15, 20, 25, 30, 40, 45, 50]
        y-axis "loss" 1.335 --> 4.965
        line [4.8, 3.9, 3.1, 2.6, 2.2, 1.9, 1.7, 1.55, 1.5]
      \`\`\`"
    `);
  });
  it("renders nothing without points", () => {
    expect(renderLossMermaid({ train: [], eval: [] })).toBe("");
  });
  it("renders an SVG (file snapshot) that escapes the title", async () => {
    const svg = renderLossSvg(series, { title: "<tiny> & co" });
    expect(svg).toContain("&lt;tiny&gt; &amp; co");
    await expect(svg).toMatchFileSnapshot("__golden__/loss.svg");
  });
  it("downsamples keeping both ends", () => {
    const pts = Array.from({ length: 100 }, (_, i) => i);
    const d = downsample(pts, 10);
    expect(d).toHaveLength(10);
    expect(d[0]).toBe(0);
    expect(d.at(-1)).toBe(99);
  });
});
