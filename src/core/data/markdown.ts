// Escaping of untrusted text (file names, ids, field names from a PR) for markdown tables and
// Mermaid labels. Kept local until the report domain exports the suite's one escaping function.

/** Inline text safe in a markdown table cell: no HTML, no @mentions, no pipes or fences. */
export function escapeInline(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .replace(/\[/g, "\\[")
    .replace(/\]/g, "\\]")
    .replace(/!/g, "\\!")
    .replace(/@/g, "@\u200b")
    .slice(0, 300);
}

/** Inline code with a name in it, escaped (the name cannot close the span). */
export function code(s: string): string {
  // GFM splits table cells on | even inside code spans, unless escaped.
  return `\`${s.replace(/`/g, "'").replace(/[\r\n]+/g, " ").replace(/\|/g, "\\|").slice(0, 200)}\``;
}

export function table(head: string[], rows: (string | number)[][]): string {
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const r of rows) lines.push(`| ${r.map(String).join(" | ")} |`);
  return lines.join("\n");
}

export function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

export function fmtSigned(n: number): string {
  return n > 0 ? `+${fmtInt(n)}` : n < 0 ? `−${fmtInt(-n)}` : "0";
}
