// Small markdown helpers for the data renderers (numbers and tables; escaping is the report
// domain's: src/core/report/escape.ts).

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
