// The k-arm flow of `llmops compare --control … --arm …`: read every arm's run, compare them all
// (src/core/compare/arms.ts), and write arms.json (schema llmops.arms/v1, checked before writing)
// and arms.md. Printing and exit codes stay with the CLI.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { aggregateFor, computeArms } from "../../core/compare/index.js";
import { armsFormat } from "../../core/contracts/added-formats.js";
import type { ArmsComparison } from "../../core/contracts/arms.js";
import { defaultPolicy } from "../../core/gate/index.js";
import type { Logger } from "../../core/ports/index.js";
import { renderArmsMarkdown } from "../../core/report/index.js";
import { VERSION } from "../../version.js";
import { readEvalRun } from "../eval/eval-run-reader.js";

export interface CompareArmsOptions {
  /** The control first, then the variants. */
  arms: readonly { name: string; dir: string }[];
  outDir: string | null;
  logger: Logger;
}

export async function compareArms(o: CompareArmsOptions): Promise<{ arms: ArmsComparison; markdown: string; files: { arms: string; report: string } | null }> {
  const runs = await Promise.all(o.arms.map((a, i) => readEvalRun(a.dir, i === 0 ? "control" : "arm")));
  runs.forEach((run, i) => {
    for (const w of run.warnings) o.logger.warn(`${o.arms[i]!.name}: ${w}`);
  });
  const defaults = defaultPolicy();
  const arms = computeArms(
    o.arms.map((a, i) => ({ name: a.name, run: runs[i]! })),
    { confidence: defaults.confidence, resamples: defaults.bootstrap_resamples, seed: defaults.seed, aggregateFor: aggregateFor, llmopsVersion: VERSION, createdAt: new Date().toISOString() },
  );
  const text = armsFormat.serialize(arms); // checked against the schema before anything is written
  for (const [arm, ids] of Object.entries(arms.not_shared)) o.logger.warn(`${arm}: ${ids.length} case(s) not in every arm were left out`);
  const markdown = renderArmsMarkdown(arms);
  let files: { arms: string; report: string } | null = null;
  if (o.outDir !== null) {
    await mkdir(o.outDir, { recursive: true });
    files = { arms: join(o.outDir, "arms.json"), report: join(o.outDir, "arms.md") };
    await writeFile(files.arms, text);
    await writeFile(files.report, markdown);
  }
  return { arms, markdown, files };
}
