// Text helpers that reproduce Python's str semantics, so that ports of Python metrics
// (sacreBLEU, rouge-score) split and count exactly as the originals do.

/**
 * Python's `str.isspace()` set. It differs from JS `\s`: Python includes U+001C–U+001F and U+0085,
 * and excludes U+FEFF (which JS `\s` includes).
 */
const PY_WS_CLASS = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const PY_WS_RUN = new RegExp(`[${PY_WS_CLASS}]+`, "u");
const PY_WS_RUN_G = new RegExp(`[${PY_WS_CLASS}]+`, "gu");
const PY_WS_TRAIL = new RegExp(`[${PY_WS_CLASS}]+$`, "u");

/** Python's `s.split()`: split on runs of whitespace, no empty strings. */
export function pySplit(s: string): string[] {
  const parts = s.split(PY_WS_RUN);
  if (parts.length > 0 && parts[0] === "") parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** Python's `''.join(s.split())`: drop every whitespace character. */
export function pyRemoveWhitespace(s: string): string {
  return s.replace(PY_WS_RUN_G, "");
}

/** Python's `s.rstrip()`. */
export function pyRstrip(s: string): string {
  return s.replace(PY_WS_TRAIL, "");
}

/** The string as an array of code points (Python's indexing unit), not UTF-16 units. */
export function codePoints(s: string): string[] {
  return Array.from(s);
}
