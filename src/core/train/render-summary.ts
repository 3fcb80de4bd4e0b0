// The job summary / PR comment section for a training run: final metrics, loss curve (Mermaid)
// and the rendered trainer config. Pure; untrusted text is escaped.
import { markdownTable } from "markdown-table";
import { escapeMarkdownText, renderCodeBlock } from "../report/escape.js";
import type { MetricRecord } from "./log-parse.js";
import { lossSeries, renderLossMermaid } from "./loss-chart.js";
import type { TrainRunResult } from "./run-training.js";

const escapeMd = (s: string): string => escapeMarkdownText(s);
const fence = (content: string, lang = ""): string => renderCodeBlock(content, { lang }).replace(/\n$/, "");

function num(n: number | null | undefined, digits = 4): string {
  return n === undefined ? "–" : n === null ? "NaN" : Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

export function renderTrainSummary(result: TrainRunResult, opts: { name: string }): string {
  const m = result.metrics;
  const r = result.record;
  const lines = [
    `## Training: ${escapeMd(opts.name)}`,
    "",
    markdownTable(
      [
        ["steps", "final loss", "min loss", "eval loss", "tokens/s", "time"],
        [
          m ? `${m.steps}${m.total_steps !== undefined ? `/${m.total_steps}` : ""}` : "–",
          num(m?.loss),
          num(m?.min_loss),
          num(m?.eval_loss),
          m?.tokens_per_s === undefined || m.tokens_per_s === null ? "–" : String(Math.round(m.tokens_per_s)),
          m ? `${m.train_s.toFixed(1)}s` : "–",
        ],
      ],
      { align: "r" },
    ),
    "",
  ];
  if (result.modelHash) lines.push(`Model \`${result.modelHash}\` (${r?.model?.files.length ?? 0} files), backend **${r?.backend ?? "?"}**, device **${r?.machine.device ?? "?"}**${r?.git.commit ? `, commit \`${r.git.commit.slice(0, 12)}\`` : ""}.`, "");
  if (result.lossMermaid) lines.push(result.lossMermaid, "");
  for (const f of result.renderedConfig) {
    lines.push("<details><summary>Rendered config: " + escapeMd(f.name) + "</summary>", "", fence(f.content, f.name.endsWith(".yaml") ? "yaml" : f.name.endsWith(".json") ? "json" : ""), "", "</details>", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** When training failed: the reason and the curve up to the failure. */
export function renderTrainFailureSummary(name: string, message: string, records: readonly { kind: "train" | "eval"; record: MetricRecord }[]): string {
  const chart = renderLossMermaid(lossSeries(records), { title: `${name} loss (until the failure)` });
  const last = records.filter((r) => r.kind === "train").at(-1)?.record;
  return [
    `## Training failed: ${escapeMd(name)}`,
    "",
    fence(message),
    "",
    last ? `Last logged step ${last.step}, loss ${num(last.loss)}.` : "No step was logged.",
    "",
    ...(chart ? [chart, ""] : []),
  ].join("\n");
}
