// The one module that neutralises untrusted text (model outputs, case inputs, names and files from
// a PR) wherever it surfaces: markdown prose and tables, raw HTML, code blocks, Mermaid, the HTML
// report (this file); whole markdown documents posted as comments or check summaries
// (escape-document.ts); the runner's log and CLI stdout in a workflow (escape-log.ts). One
// invisible character, WJ (U+2060), serves all of them.
//
// Threats, and the answer to each:
// - pings: `@user`, `@org/team`, `#123` cross-references → a word joiner after `@` / `#`;
// - raw HTML, comments, images, links, autolinks → `& < >` as entities, markdown punctuation
//   backslash-escaped, `://` and `www.` broken so nothing becomes a link;
// - code-fence breakouts → a fence longer than any backtick run inside;
// - invisible tricks (NUL, C0/C1 controls, bidi overrides) → shown as visible placeholders;
// - sheer size → truncation that says how much was cut.

/** U+2060 WORD JOINER: invisible, breaks GitHub's @mention and #reference matching, joins no emoji. */
export const WJ = "\u2060";

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0 except \t and \n, DEL, C1. (\r is handled before: CRLF and lone CR become \n.)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function codePointLabel(ch: string): string {
  return `⟦U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟧`;
}

/**
 * Normalise line endings and make invisible characters visible: NUL and other control characters
 * become U+FFFD, bidi controls (Trojan Source) become `⟦U+202E⟧`. Tabs and newlines are kept.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "\uFFFD")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(BIDI, codePointLabel);
}

export interface Truncated {
  text: string;
  /** How many characters (code points) were cut; 0 when none. */
  cut: number;
}

/** Keep at most `max` code points (never splitting a surrogate pair). */
export function truncateText(text: string, max: number): Truncated {
  if (text.length <= max) return { text, cut: 0 };
  const points = Array.from(text);
  if (points.length <= max) return { text, cut: 0 };
  return { text: points.slice(0, Math.max(0, max)).join(""), cut: points.length - Math.max(0, max) };
}

function truncationNote(cut: number): string {
  return cut > 0 ? ` … ⟨${cut} more characters⟩` : "";
}

// One pass over the text: each match is replaced by its safe form. Markdown punctuation that could
// start emphasis, code, links or images (`[` — so `](` and `![` are inert), tables, strikethrough or
// math is backslash-escaped, and so is a block marker at the start; `& < >` become entities (so no
// raw HTML or comment survives); `://` and `www.` are broken so GFM does not autolink; `@x` and
// `#1` get a zero-width joiner so GitHub neither pings nor cross-references.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~$<>&]|:\/\/|\bwww\.|@(?=[\p{L}\p{N}])|#(?=\p{N})|^[-+=#]|^\d+[.)]/gmu;

function markdownReplacement(m: string): string {
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

// `#` followed by a digit needs both the backslash (no heading) and the joiner (no reference).
function escapeMarkdownChars(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (m, offset: number, whole: string) => {
    if (m === "#" && /\p{N}/u.test(whole.charAt(offset + 1))) return `\\#${WJ}`;
    return markdownReplacement(m);
  });
}

export interface InlineOptions {
  /** Cut after this many characters, saying how many were cut. Default: no limit. */
  maxLength?: number;
}

function oneLine(text: string): string {
  return text.replace(/\n/g, " ⏎ ").replace(/\t/g, " ");
}

/**
 * Untrusted text for markdown prose or a table cell: one line, nothing interpreted. The rendered
 * text reads exactly as the input (plus invisible joiners), whatever it contains.
 */
export function escapeMarkdownText(text: string, opts: InlineOptions = {}): string {
  const { text: kept, cut } = truncateText(oneLine(sanitizeText(text)), opts.maxLength ?? Number.POSITIVE_INFINITY);
  return escapeMarkdownChars(kept) + truncationNote(cut);
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `& < > " '` as entities: for text inside raw HTML (attributes included). No other change. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

function breakPings(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}])/gu, `@${WJ}`).replace(/#(?=\p{N})/gu, `#${WJ}`);
}

/**
 * Untrusted text inside raw HTML in a comment (a `<summary>`, a `<pre>`): sanitised, HTML-escaped
 * and with pings broken. Markdown is not interpreted inside an HTML block, so no backslashes.
 */
export function escapeHtmlText(text: string, opts: InlineOptions & { multiline?: boolean } = {}): string {
  const clean = sanitizeText(text);
  const { text: kept, cut } = truncateText(opts.multiline ? clean : oneLine(clean), opts.maxLength ?? Number.POSITIVE_INFINITY);
  // Pings first: the joiner must not land inside an entity such as `&#39;`.
  return escapeHtml(breakPings(kept)) + truncationNote(cut);
}

/** The longest run of `ch` in `text`. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

export interface CodeBlockOptions extends InlineOptions {
  /** Info string (language), restricted to `[A-Za-z0-9_+-]`. */
  lang?: string;
}

/**
 * A fenced code block holding untrusted text verbatim. The fence is one backtick longer than any
 * backtick run inside, so nothing inside can close it; GitHub neither pings nor renders HTML in it.
 * Ends with a newline; the caller puts a blank line before it when it follows raw HTML.
 */
export function renderCodeBlock(text: string, opts: CodeBlockOptions = {}): string {
  const { text: kept, cut } = truncateText(sanitizeText(text), opts.maxLength ?? Number.POSITIVE_INFINITY);
  const body = cut > 0 ? `${kept}\n… ⟨${cut} more characters⟩` : kept;
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  const lang = (opts.lang ?? "").replace(/[^A-Za-z0-9_+-]/g, "");
  return `${fence}${lang}\n${body}${body.endsWith("\n") || body === "" ? "" : "\n"}${fence}\n`;
}

/** An inline code span for untrusted text (one line), safe inside a table cell too. */
export function renderCodeSpan(text: string, opts: InlineOptions = {}): string {
  const { text: kept, cut } = truncateText(oneLine(sanitizeText(text)), opts.maxLength ?? Number.POSITIVE_INFINITY);
  // GFM splits table cells on `|` before parsing code spans, and turns `\|` back into `|` inside.
  // A backslash right before a pipe would escape the escape: a joiner keeps them apart.
  const body = kept.replace(/\\(?=\|)/g, `\\${WJ}`).replace(/\|/g, "\\|");
  const ticks = "`".repeat(longestRun(body, "`") + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body.startsWith(" ") ? " " : "";
  return `${ticks}${pad}${body}${pad}${ticks}${truncationNote(cut)}`;
}

/**
 * JSON for a `<script type="application/json">` block: `<` `>` `&` and the JS line separators as
 * `\uXXXX` escapes, so neither `</script` nor `<!--` can appear and JSON.parse gives back the value.
 */
export function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A token for a hidden marker `<!-- llmops:<kind>:<key> -->`: only `[A-Za-z0-9._/-]`, no `--`,
 * at most 100 characters, never empty — so it can neither close the comment nor collide by accident.
 */
export function sanitizeMarkerToken(token: string): string {
  const t = token
    .replace(/[^A-Za-z0-9._/-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
  return t === "" ? "default" : t;
}

/**
 * A label inside Mermaid source (inside double quotes): no quotes, brackets, `%%` directives,
 * semicolons or newlines; letters, digits and plain punctuation only. Pings are broken as elsewhere.
 */
export function sanitizeMermaidLabel(text: string, maxLength = 40): string {
  const clean = sanitizeText(text)
    .replace(/[^\p{L}\p{N} _.:/+-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const { text: kept, cut } = truncateText(clean, maxLength);
  return (kept === "" ? "?" : kept) + (cut > 0 ? "…" : "");
}

/**
 * An http(s) URL we were given (a workflow run link) made safe for `[text](url)` and `href`:
 * anything else, or anything unparsable, gives null and the caller prints no link.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href.replace(/[()<>"'\s`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
