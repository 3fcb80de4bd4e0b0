// Trainer output → metric events, live, line by line: the reference trainer's JSON lines, HF
// Trainer dict lines (Python literals; floats as numbers or quoted strings; nan/inf), torchtune's
// `Step N | loss:… lr:…` lines, tqdm `N/M` counters; and trainer_state.json's log_history.
import { extractDict, numberOf, parsePythonLiteral, type PyValue } from "./python-literal.js";

export interface MetricRecord {
  step: number;
  loss?: number;
  eval_loss?: number;
  lr?: number;
  grad_norm?: number;
  epoch?: number;
  tokens?: number;
  tokens_per_s?: number;
}

export type TrainEvent =
  | { type: "metrics"; kind: "train" | "eval"; record: MetricRecord }
  | { type: "start"; totalSteps?: number; info: Record<string, unknown> }
  | { type: "progress"; step: number; totalSteps: number }
  | { type: "checkpoint"; step: number; path?: string }
  | { type: "resume"; step: number; checkpoint?: string }
  | { type: "terminated"; step: number; checkpoint?: string }
  | { type: "done"; step?: number; output?: string; summary?: Record<string, number> }
  | { type: "error"; message: string };

const num = (v: unknown): number | undefined => numberOf(v);

function pick(o: Record<string, unknown>, keys: readonly string[]): number | undefined {
  for (const k of keys) {
    const n = num(o[k]);
    if (n !== undefined) return n;
  }
  return undefined;
}

function record(step: number, o: Record<string, unknown>): MetricRecord {
  const r: MetricRecord = { step };
  const set = <K extends keyof MetricRecord>(k: K, v: number | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set("loss", pick(o, ["loss"]));
  set("eval_loss", pick(o, ["eval_loss"]));
  set("lr", pick(o, ["lr", "learning_rate"]));
  set("grad_norm", pick(o, ["grad_norm"]));
  set("epoch", pick(o, ["epoch"]));
  set("tokens", pick(o, ["tokens", "num_tokens"]));
  set("tokens_per_s", pick(o, ["tokens_per_s", "tokens_per_second_per_gpu", "train_tokens_per_second"]));
  return r;
}

// Python's json.dumps writes bare NaN / Infinity, which JSON.parse rejects.
function parseLooseJson(line: string): unknown {
  return JSON.parse(line.replace(/(?<=[:[,]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g, '"$1"'));
}

function fromReference(o: Record<string, unknown>): TrainEvent[] {
  const step = num(o.step) ?? 0;
  switch (o.event) {
    case "start":
      return [{ type: "start", info: o, ...(num(o.total_steps) !== undefined ? { totalSteps: num(o.total_steps)! } : {}) }];
    case "step":
      return [{ type: "metrics", kind: "train", record: record(step, o) }];
    case "eval":
      return [{ type: "metrics", kind: "eval", record: record(step, o) }];
    case "checkpoint":
      return [{ type: "checkpoint", step, ...(typeof o.path === "string" ? { path: o.path } : {}) }];
    case "resume":
      return [{ type: "resume", step, ...(typeof o.checkpoint === "string" ? { checkpoint: o.checkpoint } : {}) }];
    case "terminated":
      return [{ type: "terminated", step, ...(typeof o.checkpoint === "string" ? { checkpoint: o.checkpoint } : {}) }];
    case "done":
      return [{ type: "done", step, ...(typeof o.output === "string" ? { output: o.output } : {}) }];
    case "error":
      return [{ type: "error", message: String(o.message ?? "unknown error") }];
    default:
      return [];
  }
}

const TQDM = /(?:^|[\s|])(\d+)\/(\d+)\s*\[/g;
const TORCHTUNE = /^Step (\d+) \| (.*)$/;

// Bars that are not the training loop's (transformers 5.x draws one while loading weights).
const OTHER_BAR = /\b(?:Loading|Downloading|Fetching|Writing|Map|Generating|Tokenizing)\b[^|]*\d+%\|/;

/**
 * Stateful: HF dict lines carry no step, so it is counted by `logging_steps` from the training
 * bar's first counter (0, or the resumed step), and raised to the bar's counter when that is ahead.
 * tqdm redraws lag (HF writes the dict, then redraws the bar; stdout and stderr interleave), so a
 * counter is a lower bound, never the step itself. Only the training bar counts: its total is
 * `expectedTotal` when known, else the first bar's that is not a loading bar; evaluation bars
 * (another total) are ignored. trainer_state.json, read after the run, has the exact steps.
 */
export class LogParser {
  private step = 0;
  private lastTqdm: { step: number; total: number } | undefined;
  private trainTotal: number | undefined;
  constructor(
    private readonly mode: "reference-json" | "text",
    private readonly loggingSteps = 1,
    expectedTotal?: number,
  ) {
    this.trainTotal = expectedTotal;
  }

  feed(rawLine: string): TrainEvent[] {
    // tqdm redraws with \r; the last segment is what the terminal shows, but a dict may sit in any.
    const events: TrainEvent[] = [];
    for (const line of rawLine.split("\r")) events.push(...this.feedOne(line.trimEnd()));
    return events;
  }

  private feedOne(line: string): TrainEvent[] {
    if (line === "") return [];
    if (this.mode === "reference-json" && line.startsWith("{\"event\"")) {
      try {
        return fromReference(parseLooseJson(line) as Record<string, unknown>);
      } catch {
        return [];
      }
    }
    const events: TrainEvent[] = [];
    const otherBar = OTHER_BAR.test(line);
    for (const m of line.matchAll(TQDM)) {
      const step = Number(m[1]);
      const total = Number(m[2]);
      if (otherBar || total <= 0 || step > total) continue;
      if (this.trainTotal === undefined) this.trainTotal = total;
      if (total !== this.trainTotal) continue;
      if (this.lastTqdm === undefined && this.step === 0) this.step = step; // a resumed run's bar starts at its step
      if (this.lastTqdm === undefined || step >= this.lastTqdm.step) this.lastTqdm = { step, total };
      events.push({ type: "progress", step, totalSteps: total });
    }
    const tt = TORCHTUNE.exec(line.trim());
    if (tt) {
      const o: Record<string, unknown> = {};
      for (const kv of tt[2]!.trim().split(/\s+/)) {
        const i = kv.indexOf(":");
        if (i > 0) o[kv.slice(0, i)] = kv.slice(i + 1);
      }
      this.step = Number(tt[1]);
      events.push({ type: "metrics", kind: o.loss !== undefined ? "train" : "eval", record: record(this.step, o) });
      return events;
    }
    const dict = extractDict(line);
    if (dict) {
      let v: PyValue;
      try {
        v = parsePythonLiteral(dict);
      } catch {
        return events;
      }
      if (v && typeof v === "object" && !Array.isArray(v)) events.push(...this.fromHfDict(v));
    }
    return events;
  }

  private fromHfDict(o: Record<string, PyValue>): TrainEvent[] {
    if ("train_runtime" in o || "train_loss" in o) {
      const summary: Record<string, number> = {};
      for (const [k, v] of Object.entries(o)) {
        const n = num(v);
        if (n !== undefined) summary[k] = n;
      }
      return [{ type: "done", summary }];
    }
    const stepFromLine = num(o.step);
    if ("eval_loss" in o) {
      return [{ type: "metrics", kind: "eval", record: record(stepFromLine ?? this.currentStep(false), o) }];
    }
    if ("loss" in o) {
      this.step = stepFromLine ?? this.currentStep(true);
      return [{ type: "metrics", kind: "train", record: record(this.step, o) }];
    }
    return [];
  }

  private currentStep(advance: boolean): number {
    const counted = advance ? this.step + this.loggingSteps : this.step;
    return this.lastTqdm && this.lastTqdm.step > counted ? this.lastTqdm.step : counted;
  }
}

/** trainer_state.json's log_history → metric records (train and eval, in order). */
export function parseTrainerState(json: unknown): { kind: "train" | "eval"; record: MetricRecord }[] {
  const history = (json as { log_history?: unknown })?.log_history;
  if (!Array.isArray(history)) return [];
  const out: { kind: "train" | "eval"; record: MetricRecord }[] = [];
  for (const h of history) {
    if (!h || typeof h !== "object") continue;
    const o = h as Record<string, unknown>;
    const step = num(o.step);
    if (step === undefined) continue;
    if ("loss" in o) out.push({ kind: "train", record: record(step, o) });
    else if ("eval_loss" in o) out.push({ kind: "eval", record: record(step, o) });
  }
  return out;
}
