// The record formats a fine-tuning dataset uses, how to recognise them, and their checks. Checks are
// hand-written (not a schema library) because they run once per record on the hot path; a path
// string is built only when a problem is reported.
import { closest } from "../config/suggest.js";
import type { DataFormat, Severity } from "./types.js";
import { stableStringify } from "../stable-json.js";

export const ROLES = ["system", "user", "assistant", "tool"] as const;
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export type Report = (severity: Severity, kind: string, path: string, message: string) => void;

export interface FormatOptions {
  /** Chat records must contain an assistant turn to learn from (default true). */
  requireAssistant: boolean;
}

export const defaultFormatOptions: FormatOptions = { requireAssistant: true };

/** Recognise a record's format from its keys; undefined when none fits. */
export function detectFormat(rec: Record<string, unknown>): Exclude<DataFormat, "custom"> | undefined {
  if ("messages" in rec) return "chat";
  if ("chosen" in rec && "rejected" in rec) return "preference";
  if ("instruction" in rec && "output" in rec) return "instruction";
  if ("prompt" in rec && "completion" in rec) return "completion";
  return undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Check one record against a format; returns false when an error was reported. */
export function checkRecord(format: Exclude<DataFormat, "custom">, rec: Record<string, unknown>, report: Report, opts: FormatOptions): boolean {
  switch (format) {
    case "chat":
      return checkMessages(rec.messages, "messages", report, opts.requireAssistant);
    case "instruction":
      return checkString(rec, "instruction", report, true) & checkString(rec, "input", report, false) & checkString(rec, "output", report, true) ? true : false;
    case "completion":
      return checkString(rec, "prompt", report, true) & checkString(rec, "completion", report, true) ? true : false;
    case "preference":
      return checkPreference(rec, report, opts);
  }
}

function checkString(rec: Record<string, unknown>, key: string, report: Report, required: boolean): 1 | 0 {
  const v = rec[key];
  if (typeof v === "string") {
    if (required && v.trim() === "") report("warning", "empty_field", key, `"${key}" is empty`);
    return 1;
  }
  if (v === undefined) {
    if (!required) return 1;
    report("error", "missing_field", key, `"${key}" is required`);
    return 0;
  }
  report("error", "wrong_type", key, `"${key}" must be a string, got ${typeName(v)}`);
  return 0;
}

function checkPreference(rec: Record<string, unknown>, report: Report, opts: FormatOptions): boolean {
  let ok = true;
  for (const key of ["prompt", "chosen", "rejected"] as const) {
    const v = rec[key];
    if (typeof v === "string") continue;
    if (Array.isArray(v)) {
      ok = checkMessages(v, key, report, key !== "prompt" && opts.requireAssistant) && ok;
      continue;
    }
    if (v === undefined && key === "prompt") continue; // implicit prompt (chosen/rejected carry the conversation)
    report("error", v === undefined ? "missing_field" : "wrong_type", key, `"${key}" must be a string or a list of messages, got ${typeName(v)}`);
    ok = false;
  }
  if (ok && JSON.stringify(rec.chosen) === JSON.stringify(rec.rejected)) {
    report("warning", "chosen_equals_rejected", "chosen", `"chosen" and "rejected" are identical: the pair teaches nothing`);
  }
  return ok;
}

/** Check a list of chat messages. */
export function checkMessages(v: unknown, path: string, report: Report, requireAssistant: boolean): boolean {
  if (!Array.isArray(v)) {
    report("error", v === undefined ? "missing_field" : "wrong_type", path, `"${path}" must be a list of messages, got ${typeName(v)}`);
    return false;
  }
  if (v.length === 0) {
    report("error", "empty_messages", path, `"${path}" is empty`);
    return false;
  }
  let ok = true;
  let assistantTurns = 0;
  let pendingToolCalls = false;
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i];
    if (!isPlainObject(m)) {
      report("error", "wrong_type", `${path}[${i}]`, `a message must be an object, got ${typeName(m)}`);
      ok = false;
      continue;
    }
    const role = m.role;
    if (role === undefined) {
      report("error", "missing_role", `${path}[${i}].role`, `message has no "role" (one of ${ROLES.join(", ")})`);
      ok = false;
      continue;
    }
    if (typeof role !== "string" || !ROLE_SET.has(role)) {
      const hint = typeof role === "string" ? closest(role, ROLES) : undefined;
      report("error", "unknown_role", `${path}[${i}].role`, `unknown role ${JSON.stringify(role)}; expected one of ${ROLES.join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`);
      ok = false;
      continue;
    }
    const hasToolCalls = role === "assistant" && m.tool_calls !== undefined && m.tool_calls !== null;
    if (hasToolCalls && !checkToolCalls(m.tool_calls, `${path}[${i}].tool_calls`, report)) ok = false;
    if (!checkContent(m.content, `${path}[${i}].content`, report, hasToolCalls)) ok = false;
    if (role === "system" && i > 0) report("warning", "late_system", `${path}[${i}].role`, `a system message after the first turn is unusual; most chat templates expect it first`);
    if (role === "tool" && !pendingToolCalls) report("warning", "orphan_tool_message", `${path}[${i}]`, `a tool message with no assistant tool call before it`);
    if (role === "assistant") {
      assistantTurns++;
      pendingToolCalls = hasToolCalls;
    } else if (role !== "tool") pendingToolCalls = false;
  }
  if (ok && requireAssistant && assistantTurns === 0) {
    report("error", "no_assistant_turn", path, `no assistant turn: training needs at least one assistant message to learn from`);
    return false;
  }
  return ok;
}

function checkContent(c: unknown, path: string, report: Report, nullable: boolean): boolean {
  if (typeof c === "string") return true;
  if ((c === null || c === undefined) && nullable) return true;
  if (c === undefined) {
    report("error", "missing_field", path, `message has no "content"`);
    return false;
  }
  if (Array.isArray(c)) {
    for (let j = 0; j < c.length; j++) {
      const part: unknown = c[j];
      if (!isPlainObject(part) || typeof part.type !== "string") {
        report("error", "wrong_type", `${path}[${j}]`, `a content part must be an object with a string "type"`);
        return false;
      }
      if (part.type === "text" && typeof part.text !== "string") {
        report("error", "wrong_type", `${path}[${j}].text`, `a text part needs a string "text", got ${typeName(part.text)}`);
        return false;
      }
    }
    return true;
  }
  report("error", "wrong_type", path, `"content" must be a string or a list of parts, got ${typeName(c)}`);
  return false;
}

function checkToolCalls(v: unknown, path: string, report: Report): boolean {
  if (!Array.isArray(v)) {
    report("error", "wrong_type", path, `"tool_calls" must be a list, got ${typeName(v)}`);
    return false;
  }
  for (let j = 0; j < v.length; j++) {
    const call: unknown = v[j];
    const fn = isPlainObject(call) ? call.function : undefined;
    if (!isPlainObject(fn) || typeof fn.name !== "string" || fn.name === "") {
      report("error", "wrong_type", `${path}[${j}].function.name`, `a tool call needs "function": {"name": string, "arguments": string|object}`);
      return false;
    }
    if (fn.arguments !== undefined && typeof fn.arguments !== "string" && !isPlainObject(fn.arguments)) {
      report("error", "wrong_type", `${path}[${j}].function.arguments`, `"arguments" must be a JSON string or an object, got ${typeName(fn.arguments)}`);
      return false;
    }
  }
  return true;
}

/** The text of a message's content (text parts joined). */
export function contentText(c: unknown): string {
  if (typeof c === "string") return c;
  if (Array.isArray(c)) {
    let s = "";
    for (const p of c) if (isPlainObject(p) && typeof p.text === "string") s += (s ? "\n" : "") + p.text;
    return s;
  }
  return "";
}

/** Text a model is prompted with, and all of the record's text (for dedupe, leakage, lengths). */
export function recordTexts(format: DataFormat, rec: Record<string, unknown>): { prompt: string; full: string; system?: string } {
  switch (format) {
    case "chat": {
      const msgs = Array.isArray(rec.messages) ? (rec.messages as unknown[]) : [];
      let prompt = "";
      let full = "";
      let system = "";
      for (const m of msgs) {
        if (!isPlainObject(m)) continue;
        const t = contentText(m.content);
        if (m.role === "user") prompt += (prompt ? "\n" : "") + t;
        // System prompts are left out: one shared system prompt would make every record look alike.
        if (m.role !== "system") full += (full ? "\n" : "") + t;
        else system += (system ? "\n" : "") + t;
      }
      return { prompt, full, system };
    }
    case "instruction": {
      const prompt = [rec.instruction, rec.input].filter((s) => typeof s === "string" && s !== "").join("\n");
      return { prompt, full: `${prompt}\n${typeof rec.output === "string" ? rec.output : ""}` };
    }
    case "completion":
      return { prompt: String(rec.prompt ?? ""), full: `${String(rec.prompt ?? "")}${String(rec.completion ?? "")}` };
    case "preference": {
      const p = side(rec.prompt);
      return { prompt: p, full: `${p}\n${side(rec.chosen)}\n${side(rec.rejected)}` };
    }
    case "custom": {
      const s = stableStringify(rec);
      return { prompt: s, full: s };
    }
  }
}

function side(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map((m) => (isPlainObject(m) ? contentText(m.content) : "")).join("\n");
  return "";
}

