// `llmops data <subcommand>`: validate, dedupe, clean, split, manifest, diff, card.
import { InputError } from "../../errors.js";
import type { Command } from "../command.js";
import { runDataClean, runDataSplit } from "./data-clean.js";
import { checkFlags, checkOptionHelp, validationFlags, validationOptionHelp } from "./data-common.js";
import { DATA_VALIDATE_OPTIONS } from "../../core/options/data-validate.js";
import { cliParseConfig } from "../../core/options/spec.js";
import { runDataCard, runDataDiff, runDataManifest } from "./data-manifest.js";
import { runDataDedupe, runDataValidate } from "./data-validate.js";

type Sub = (ctx: Parameters<Command["run"]>[0], values: Record<string, unknown>, positionals: string[]) => Promise<number>;

const V = [...validationFlags, "json", "quiet"];
const C = checkFlags;

const subcommands: Record<string, { run: Sub; options: readonly string[] }> = {
  validate: { run: runDataValidate, options: [...V, ...C] },
  dedupe: { run: runDataDedupe, options: [...V, ...C] },
  clean: { run: runDataClean, options: [...V, "out", "no-nfc", "no-trim", "keep-empty", "min-tokens", "max-tokens", "unit", "dedupe", "threshold"] },
  split: { run: runDataSplit, options: [...V, "out-dir", "ratios", "key", "seed", "stratify"] },
  manifest: { run: runDataManifest, options: [...V, ...C, "out"] },
  card: { run: runDataCard, options: [...V, ...C, "out", "title"] },
  diff: { run: runDataDiff, options: [...V, ...C, "base", "manifest"] },
};

export const dataCommand: Command = {
  name: "data",
  summary: "validate, clean, dedupe, split, version and describe datasets (JSONL, JSONL.gz, Parquet)",
  help: `usage: llmops data <subcommand> [options] FILE…

subcommands:
  validate FILE…        stream-validate records (file:line and field path for every problem); exit 1 if invalid
  dedupe FILE…          validate and report exact and near duplicates (MinHash + LSH)
  clean FILE… --out F   write cleaned records: NFC, trimmed, empty/invalid/duplicate/over-length dropped
      --no-nfc --no-trim --keep-empty --min-tokens N --max-tokens N --unit words|bytes --dedupe none|exact|near (default exact)
  split FILE… --out-dir D  stable split by a hash of each record's key; adding records never moves others
      --ratios train=0.9,val=0.1  --key auto|id|content|FIELD  --seed S  --stratify FIELD (exact ratios per stratum)
  manifest FILE…        write a manifest next to the data (sha256, counts, format, fields, stats, record index)
      --out PATH (default: data-manifest.json in the first file's directory)
  card FILE…            markdown dataset card (counts, length histogram, roles, turns, duplicates, leakage)
      --out FILE.md  --title T
  diff --base REV [FILE…]  compare with the manifest at another git revision (added/removed/modified records, shifts)
      --manifest PATH (default data/data-manifest.json; with FILE… the head side is computed from the files)

validation options:
${validationOptionHelp}
  --json               print the result as JSON
  -q, --quiet          no progress or log lines

duplicates and leakage (validate, dedupe, manifest, card, diff):
${checkOptionHelp}
`,
  options: {
    // Shared with actions/validate-dataset; the rest belong to the subcommands that write files.
    ...cliParseConfig(DATA_VALIDATE_OPTIONS),
    out: { type: "string", short: "o" },
    "no-nfc": { type: "boolean" },
    "no-trim": { type: "boolean" },
    "keep-empty": { type: "boolean" },
    "min-tokens": { type: "string" },
    "max-tokens": { type: "string" },
    unit: { type: "string" },
    "out-dir": { type: "string" },
    ratios: { type: "string" },
    key: { type: "string" },
    seed: { type: "string" },
    stratify: { type: "string" },
    title: { type: "string" },
    manifest: { type: "string" },
  },
  async run(ctx, { values, positionals }) {
    const [name, ...rest] = positionals;
    const sub = name === undefined ? undefined : subcommands[name];
    if (!sub) {
      throw new InputError(name === undefined ? "llmops data: missing subcommand" : `llmops data: unknown subcommand "${name}"`, {
        hint: `one of: ${Object.keys(subcommands).join(", ")}`,
      });
    }
    for (const k of Object.keys(values)) {
      if (k !== "help" && values[k] !== undefined && !sub.options.includes(k)) throw new InputError(`llmops data ${name}: option --${k} does not apply here`, { hint: `run "llmops data --help"` });
    }
    return sub.run(ctx, values, rest);
  },
};
