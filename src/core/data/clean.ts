// Cleaning: Unicode NFC and trimmed strings, records with no training text or outside the length
// limits dropped. Invalid records never reach here (the validator drops and reports them).
import { isPlainObject, recordTexts } from "./formats.js";
import type { TokenCounter } from "./stats.js";
import { whitespaceTokens } from "./stats.js";
import type { DataFormat } from "./types.js";

export interface CleanOptions {
  nfc: boolean;
  trim: boolean;
  dropEmpty: boolean;
  minTokens?: number;
  maxTokens?: number;
  tokens: TokenCounter;
}

export const defaultCleanOptions: CleanOptions = { nfc: true, trim: true, dropEmpty: true, tokens: whitespaceTokens };

export type CleanResult = { record: Record<string, unknown>; changed: boolean } | { record: null; reason: "empty" | "too_short" | "too_long" };

export function cleanRecord(format: DataFormat, rec: Record<string, unknown>, opts: CleanOptions): CleanResult {
  const state = { changed: false };
  const out = cleanValue(rec, opts, state) as Record<string, unknown>;
  if (opts.dropEmpty && isEmpty(format, out)) return { record: null, reason: "empty" };
  if (opts.minTokens !== undefined || opts.maxTokens !== undefined) {
    const n = opts.tokens(recordTexts(format, out).full);
    if (opts.minTokens !== undefined && n < opts.minTokens) return { record: null, reason: "too_short" };
    if (opts.maxTokens !== undefined && n > opts.maxTokens) return { record: null, reason: "too_long" };
  }
  return { record: out, changed: state.changed };
}

function cleanValue(v: unknown, opts: CleanOptions, state: { changed: boolean }): unknown {
  if (typeof v === "string") {
    let s = opts.nfc ? v.normalize("NFC") : v;
    if (opts.trim) s = s.trim();
    if (s !== v) state.changed = true;
    return s;
  }
  if (Array.isArray(v)) return v.map((x) => cleanValue(x, opts, state));
  if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = cleanValue(x, opts, state);
    return o;
  }
  return v;
}

/** No text to learn from: every assistant turn (or the output / completion / chosen) is empty. */
function isEmpty(format: DataFormat, r: Record<string, unknown>): boolean {
  switch (format) {
    case "chat": {
      const msgs = Array.isArray(r.messages) ? r.messages : [];
      return !msgs.some((m) => isPlainObject(m) && m.role === "assistant" && ((typeof m.content === "string" && m.content !== "") || Array.isArray(m.content) || Array.isArray(m.tool_calls)));
    }
    case "instruction":
      return r.output === "" || r.instruction === "";
    case "completion":
      return r.completion === "";
    case "preference":
      return r.chosen === "" || r.rejected === "";
    case "custom":
      return Object.keys(r).length === 0;
  }
}
