// Leakage: training records that contain evaluation cases, exactly or nearly. Eval cases are small,
// so they are indexed; training records stream past and are looked up.
import { ConfigError, DataInvalidError } from "../../errors.js";
import { toCase } from "../eval/cases.js";
import { ContainmentIndex } from "./contain.js";
import { Hash64Map, hash64, normalizeText } from "./hashing.js";
import { LshIndex, MinHasher, defaultMinHashOptions, type MinHashOptions } from "./minhash.js";
import type { Location } from "./types.js";

export interface EvalCase {
  id: string;
  /** `input`, or the string values of `vars` joined. */
  input: string;
  /** input plus the string values of `expected`. */
  full: string;
}

export interface LeakHit {
  caseId: string;
  kind: "exact" | "near" | "contained";
  similarity: number;
  /** Which texts matched: the prompt against the case input, or everything against everything. */
  on: "prompt" | "full";
}

export interface LeakExample extends LeakHit {
  at: Location;
}

export interface LeakageSummary {
  evalFiles: string[];
  cases: number;
  records: number;
  exact: number;
  near: number;
  /** The case's words inside the record under another template. */
  contained: number;
  /** Distinct eval cases found in training data. */
  casesLeaked: number;
  threshold: number;
  examples: LeakExample[];
}

function strings(v: unknown, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) strings(x, out);
}

/**
 * One eval case as leakage sees it, read by the eval's own case parser (core/eval/cases.ts) so the
 * ids and refusals are the eval's: the text is `input`, or the string values of `vars`. A case the
 * eval would refuse is invalid data here (DataInvalidError naming the line).
 */
export function parseEvalCase(value: unknown, where: string): EvalCase {
  let c: ReturnType<typeof toCase>;
  try {
    c = toCase(value, where);
  } catch (err) {
    if (err instanceof ConfigError) throw new DataInvalidError(err.message, err.hint ? { hint: err.hint } : undefined);
    throw err;
  }
  const parts: string[] = [];
  if (c.input !== undefined) parts.push(c.input);
  else for (const x of Object.values(c.vars)) if (typeof x === "string") parts.push(x);
  const input = parts.join("\n");
  if (input === "") throw new DataInvalidError(`${where}: an eval case needs "input" (a string) or "vars" with string values`);
  const exp: string[] = [];
  strings(c.expected, exp);
  return { id: c.id, input, full: [input, ...exp].join("\n") };
}

export class LeakageIndex {
  private readonly exact = new Hash64Map(256);
  private readonly hasher: MinHasher;
  private readonly promptLsh: LshIndex;
  private readonly fullLsh: LshIndex;
  private readonly cases: EvalCase[] = [];
  private readonly contain: ContainmentIndex;
  private readonly leaked = new Set<number>();
  private readonly summary: LeakageSummary;

  constructor(
    evalFiles: string[],
    cases: EvalCase[],
    readonly opts: MinHashOptions & { exampleLimit: number } = { ...defaultMinHashOptions, exampleLimit: 20 },
  ) {
    this.hasher = new MinHasher(opts);
    this.promptLsh = new LshIndex(opts.numPerm, opts.threshold);
    this.fullLsh = new LshIndex(opts.numPerm, opts.threshold);
    for (const c of cases) {
      const i = this.cases.push(c) - 1;
      const norm = normalizeText(c.input);
      const [hi, lo] = hash64(norm);
      this.exact.setIfAbsent(hi, lo, i);
      this.promptLsh.add(this.hasher.signature(norm));
      this.fullLsh.add(this.hasher.signature(normalizeText(c.full)));
    }
    this.contain = new ContainmentIndex(cases.map((c) => c.input));
    this.summary = { evalFiles, cases: cases.length, records: 0, exact: 0, near: 0, contained: 0, casesLeaked: 0, threshold: opts.threshold, examples: [] };
  }

  /** Does this training record (its prompt text and all its text) contain an eval case? */
  check(prompt: string, full: string, at: Location): LeakHit | undefined {
    this.summary.records++;
    if (this.cases.length === 0) return undefined;
    const np = normalizeText(prompt);
    const [hi, lo] = hash64(np);
    const ex = np === "" ? -1 : this.exact.get(hi, lo);
    if (ex !== -1) return this.hit(ex, { caseId: this.cases[ex]!.id, kind: "exact", similarity: 1, on: "prompt" }, at);
    const p = np === "" ? undefined : this.promptLsh.query(this.hasher.signature(np));
    if (p) return this.hit(p.index, { caseId: this.cases[p.index]!.id, kind: "near", similarity: p.similarity, on: "prompt" }, at);
    const f = this.fullLsh.query(this.hasher.signature(normalizeText(full)));
    if (f) return this.hit(f.index, { caseId: this.cases[f.index]!.id, kind: f.similarity >= 0.999 ? "exact" : "near", similarity: f.similarity, on: "full" }, at);
    const c = this.contain.find(prompt, full);
    if (c !== -1) return this.hit(c, { caseId: this.cases[c]!.id, kind: "contained", similarity: 1, on: "prompt" }, at);
    return undefined;
  }

  result(): LeakageSummary {
    return { ...this.summary, casesLeaked: this.leaked.size };
  }

  private hit(caseIdx: number, h: LeakHit, at: Location): LeakHit {
    this.leaked.add(caseIdx);
    this.summary[h.kind]++;
    if (this.summary.examples.length < this.opts.exampleLimit) this.summary.examples.push({ ...h, at });
    return h;
  }
}
