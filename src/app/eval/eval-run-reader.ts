// Read an eval run directory (results.jsonl + summary.json) line by line, hashing as it reads,
// through the formats' one reader (core/contracts/).
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { InputError } from "../../errors.js";
import type { LoadedRun } from "../../core/compare/run-records.js";
import { ResultsCollector } from "../../core/contracts/result-line.js";
import { summaryFormat } from "../../core/contracts/summary.js";

/** The results.jsonl of a run directory, or an InputError naming what was passed instead and the fix. */
export function resultsFileOf(dir: string, label: string): string {
  if (existsSync(dir) && statSync(dir).isFile() && basename(dir) === "results.jsonl") {
    throw new InputError(`${label} run: ${dir} is the results file; pass its directory`, { hint: `--${label} ${dirname(dir)}` });
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${label} run directory not found: ${dir}`, { hint: "pass the directory that holds results.jsonl (the --out of `llmops eval`)" });
  }
  const resultsFile = join(dir, "results.jsonl");
  if (!existsSync(resultsFile)) {
    // The parent of the runs (.llmops/eval, the default --out's parent): name the runs inside it.
    const runs = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "results.jsonl")))
      .map((e) => join(dir, e.name));
    throw new InputError(`${label} run has no results.jsonl: ${resultsFile}`, {
      hint: runs.length > 0 ? `runs found inside it: ${runs.slice(0, 5).join(", ")}${runs.length > 5 ? ", …" : ""}` : "pass the directory that holds results.jsonl (the --out of `llmops eval`)",
    });
  }
  return resultsFile;
}

export async function readEvalRun(dir: string, label: string): Promise<LoadedRun> {
  const resultsFile = resultsFileOf(dir, label);
  const collector = new ResultsCollector(resultsFile);
  const hash = createHash("sha256");
  let lineNo = 0;
  let rest = "";
  const decoder = new StringDecoder("utf8");
  // Split on \n ourselves (rather than readline) to know whether the file ended with a newline.
  for await (const chunk of createReadStream(resultsFile)) {
    const buf = chunk as Buffer;
    hash.update(buf);
    const text = rest + decoder.write(buf);
    const parts = text.split("\n");
    rest = parts.pop()!;
    for (const p of parts) collector.add(p.endsWith("\r") ? p.slice(0, -1) : p, ++lineNo);
  }
  rest += decoder.end();
  if (rest !== "") collector.add(rest, ++lineNo);
  const { records, superseded, warnings } = collector.finish();
  const summaryFile = join(dir, "summary.json");
  let summary = null;
  if (existsSync(summaryFile)) summary = summaryFormat.parse(readFileSync(summaryFile, "utf8"), summaryFile);
  else warnings.push(`${summaryFile} is missing: metric types, directions and provenance are unknown (was the run interrupted?)`);
  if (records.length === 0) throw new InputError(`${label} run has no records: ${resultsFile} is empty`);
  return { dir, resultsSha256: hash.digest("hex"), records, summary, superseded, warnings };
}
