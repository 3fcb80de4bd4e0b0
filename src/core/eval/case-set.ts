// A suite's cases as a stream that can be read again, never as an array: a million-case file costs
// the digest table below (24 bytes a case), not the cases. One scan checks what needs every case —
// unique ids, repeated inputs, the count — and keeps id → index for the runner's resume.
import { ConfigError } from "../../errors.js";
import { stableStringify } from "../stable-json.js";
import type { EvalCase } from "./cases.js";
import { DigestIndex } from "./digest-index.js";

export interface CaseSet {
  /** The cases in the suite's order, read again from their source on every call. */
  stream(): AsyncIterable<EvalCase>;
  count: number;
  /** Case id → index in the suite's order (ids are unique: the scan checked). */
  ids: DigestIndex;
}

/** The most cases the scan's tables are sized for up front (25 MB a table at 1M; 50 MB here). */
const PRESIZE_MAX = 2_000_000;

/** At most this many repeated inputs are confirmed and named; the rest are counted. */
const MAX_NAMED_DUPLICATES = 1000;

/** The first `n` items of a stream (the stream itself when `n` is undefined: no generator in between). */
export function take<T>(source: AsyncIterable<T>, n: number | undefined): AsyncIterable<T> {
  return n === undefined ? source : takeFirst(source, n);
}

async function* takeFirst<T>(source: AsyncIterable<T>, n: number): AsyncIterable<T> {
  if (n <= 0) return;
  let i = 0;
  for await (const x of source) {
    yield x;
    if (++i >= n) return;
  }
}

/**
 * Scan the cases once: a duplicate id is a ConfigError naming both places (results pair by id),
 * a repeated input a warning naming both (it is asked twice and counts twice). Matches found by
 * digest are confirmed on the cases themselves in a second pass over only those cases.
 * `expected`, when the caller knows about how many cases there are (a JSONL file's lines), sizes
 * both tables once: grown by doubling instead, the two tables reach a million cases holding 75 MB
 * (old and new arrays of both) at the moment they double, and the outgrown arrays until collected.
 */
export async function scanCases(read: () => AsyncIterable<EvalCase>, expected?: number): Promise<{ set: CaseSet; warnings: string[] }> {
  // A table of `capacity` is made with 2 × capacity slots (rounded up to a power of two) and grows
  // past 3/4 full: 2/3 of the expected count gives the smallest table that holds it without growing.
  // The line count is a hint from the file, not a count of cases (blank lines are lines): a file of
  // a billion newlines must not size a 12 GB table. Past PRESIZE_MAX the tables grow as cases come.
  const capacity = expected === undefined ? undefined : Math.ceil((Math.min(expected, PRESIZE_MAX) * 2) / 3);
  const ids = new DigestIndex(capacity);
  const inputs = new DigestIndex(capacity);
  const inputSuspects: [number, number][] = [];
  let moreInputs = 0;
  let count = 0;
  for await (const c of read()) {
    const i = count++;
    const prevId = ids.setIfAbsent(c.id, i);
    const prevInput = inputs.setIfAbsent(inputKey(c), i);
    if (prevInput >= 0) {
      if (inputSuspects.length < MAX_NAMED_DUPLICATES) inputSuspects.push([prevInput, i]);
      else moreInputs++;
    }
    // The first duplicate id stops the scan: it is an error, and the rest cannot change that.
    if (prevId >= 0) await refuseDuplicateId(read, [prevId, i]);
  }
  const warnings = await confirmInputs(read, inputSuspects);
  if (moreInputs > 0) warnings.push(`… and up to ${moreInputs} more case(s) with an input seen earlier (not named; confirm with llmops data dedupe)`);
  return { set: { stream: read, count, ids }, warnings };
}

/** stableStringify({ input, vars }), written out: the two keys are in sorted order already. */
function inputKey(c: EvalCase): string {
  return `{"input":${c.input === undefined ? "null" : JSON.stringify(c.input)},"vars":${stableStringify(c.vars)}}`;
}

const where = (c: EvalCase, i: number) => c.where ?? `case ${i + 1}`;

/** The cases at `indices`, read in one pass that stops after the last. */
async function casesAt(read: () => AsyncIterable<EvalCase>, indices: Iterable<number>): Promise<Map<number, EvalCase>> {
  const want = new Set(indices);
  const last = Math.max(-1, ...want);
  const out = new Map<number, EvalCase>();
  let i = 0;
  for await (const c of read()) {
    if (want.has(i)) out.set(i, c);
    if (++i > last) break;
  }
  return out;
}

/** A duplicate id, named at both places; a digest collision between two distinct ids is refused too (its index would be ambiguous). */
async function refuseDuplicateId(read: () => AsyncIterable<EvalCase>, [a, b]: [number, number]): Promise<never> {
  const found = await casesAt(read, [a, b]);
  const first = found.get(a)!;
  const second = found.get(b)!;
  if (first.id === second.id) {
    throw new ConfigError(`${where(second, b)}: duplicate case id "${second.id}" (first at ${where(first, a)})`, { hint: "case ids must be unique: results are paired across runs by id" });
  }
  throw new ConfigError(`${where(second, b)}: case ids "${second.id}" and "${first.id}" (${where(first, a)}) share a 64-bit digest (odds about 1 in 10¹⁰ at a million cases)`, { hint: "rename one of the two cases" });
}

async function confirmInputs(read: () => AsyncIterable<EvalCase>, suspects: [number, number][]): Promise<string[]> {
  if (suspects.length === 0) return [];
  const found = await casesAt(read, suspects.flat());
  const out: string[] = [];
  for (const [a, b] of suspects) {
    const first = found.get(a)!;
    const second = found.get(b)!;
    if (inputKey(first) !== inputKey(second)) continue;
    out.push(`${where(second, b)}: case "${second.id}" has the same input as case "${first.id}" (${where(first, a)}); it is asked twice and counts twice in every mean — remove or change one`);
  }
  return out;
}

/** An array of cases as a CaseSet (inline cases, tests). */
export async function caseSetOf(cases: readonly EvalCase[]): Promise<{ set: CaseSet; warnings: string[] }> {
  return scanCases(async function* () {
    yield* cases;
  });
}

/** The first `limit` cases as an array: for tools that look at every case of a small suite (prompt lint, diff, render), not for runs. */
export async function collectCases(set: CaseSet, limit?: number): Promise<EvalCase[]> {
  const out: EvalCase[] = [];
  for await (const c of take(set.stream(), limit)) out.push(c);
  return out;
}
