#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/report/escape.ts
var WJ = "\u2060";
var BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function codePointLabel(ch) {
  return `\u27E6U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}\u27E7`;
}
function sanitizeText(text) {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "\uFFFD").replace(LONE_SURROGATE, "\uFFFD").replace(BIDI, codePointLabel);
}
function truncateText(text, max) {
  if (text.length <= max) return { text, cut: 0 };
  const points = Array.from(text);
  if (points.length <= max) return { text, cut: 0 };
  return { text: points.slice(0, Math.max(0, max)).join(""), cut: points.length - Math.max(0, max) };
}
function truncationNote(cut) {
  return cut > 0 ? ` \u2026 \u27E8${cut} more characters\u27E9` : "";
}
var MARKDOWN_SPECIAL = new RegExp("[\\\\`*_[\\]|~$<>&]|:\\/\\/|\\bwww\\.|@(?=[\\p{L}\\p{N}])|#(?=\\p{N})|^[-+=#]|^\\d+[.)]", "gmu");
function markdownReplacement(m) {
  switch (m) {
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case "&":
      return "&amp;";
    case "://":
      return "\\://";
    case "@":
      return `@${WJ}`;
    default:
      if (m.toLowerCase() === "www.") return `${m.slice(0, 3)}\\.`;
      if (/^\d/.test(m)) return `${m.slice(0, -1)}\\${m.slice(-1)}`;
      return `\\${m}`;
  }
}
function escapeMarkdownChars(text) {
  return text.replace(MARKDOWN_SPECIAL, (m, offset, whole) => {
    if (m === "#" && new RegExp("\\p{N}", "u").test(whole.charAt(offset + 1))) return `\\#${WJ}`;
    return markdownReplacement(m);
  });
}
function oneLine(text) {
  return text.replace(/\n/g, " \u23CE ").replace(/\t/g, " ");
}
function escapeMarkdownText(text, opts = {}) {
  const { text: kept, cut } = truncateText(oneLine(sanitizeText(text)), opts.maxLength ?? Number.POSITIVE_INFINITY);
  return escapeMarkdownChars(kept) + truncationNote(cut);
}
var HTML_ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
function breakPings(text) {
  return text.replace(/@(?=[\p{L}\p{N}])/gu, `@${WJ}`).replace(new RegExp("#(?=\\p{N})", "gu"), `#${WJ}`);
}
function escapeHtmlText(text, opts = {}) {
  const clean = sanitizeText(text);
  const { text: kept, cut } = truncateText(opts.multiline ? clean : oneLine(clean), opts.maxLength ?? Number.POSITIVE_INFINITY);
  return escapeHtml(breakPings(kept)) + truncationNote(cut);
}
function longestRun(text, ch) {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
function renderCodeBlock(text, opts = {}) {
  const { text: kept, cut } = truncateText(sanitizeText(text), opts.maxLength ?? Number.POSITIVE_INFINITY);
  const body = cut > 0 ? `${kept}
\u2026 \u27E8${cut} more characters\u27E9` : kept;
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  const lang = (opts.lang ?? "").replace(/[^A-Za-z0-9_+-]/g, "");
  return `${fence}${lang}
${body}${body.endsWith("\n") || body === "" ? "" : "\n"}${fence}
`;
}
function renderCodeSpan(text, opts = {}) {
  const { text: kept, cut } = truncateText(oneLine(sanitizeText(text)), opts.maxLength ?? Number.POSITIVE_INFINITY);
  const body = kept.replace(/\\(?=\|)/g, `\\${WJ}`).replace(/\|/g, "\\|");
  const ticks = "`".repeat(longestRun(body, "`") + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? " " : "";
  return `${ticks}${pad}${body}${pad}${ticks}${truncationNote(cut)}`;
}
function escapeScriptJson(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function sanitizeMarkerToken(token) {
  const t = token.replace(/[^A-Za-z0-9._/-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "").slice(0, 100).replace(/-+$/, "");
  return t === "" ? "default" : t;
}
function sanitizeMermaidLabel(text, maxLength = 40) {
  const clean = sanitizeText(text).replace(/[^\p{L}\p{N} _.:/+-]/gu, " ").replace(/\s+/g, " ").trim();
  const { text: kept, cut } = truncateText(clean, maxLength);
  return (kept === "" ? "?" : kept) + (cut > 0 ? "\u2026" : "");
}
function safeUrl(url) {
  if (!url) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href.replace(/[()<>"'\s`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

export {
  WJ,
  sanitizeText,
  truncateText,
  escapeMarkdownText,
  escapeHtml,
  escapeHtmlText,
  renderCodeBlock,
  renderCodeSpan,
  escapeScriptJson,
  sanitizeMarkerToken,
  sanitizeMermaidLabel,
  safeUrl
};
