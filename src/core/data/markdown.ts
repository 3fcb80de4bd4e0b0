// Small markdown helpers for the data renderers (numbers and tables; escaping is the report
// domain's: src/core/report/escape.ts). Tables are markdown-table's, like every other table.
import { markdownTable } from "markdown-table";

/** A data table: the first column names the row (left), the rest are figures (right). */
export function table(head: string[], rows: (string | number)[][]): string {
  return markdownTable([head, ...rows.map((r) => r.map(String))], { align: head.map((_, i) => (i === 0 ? "l" : "r")) });
}

export function fmtInt(n: number): string {
  return n.toLocaleString("en-US");
}

export function fmtSigned(n: number): string {
  return n > 0 ? `+${fmtInt(n)}` : n < 0 ? `−${fmtInt(-n)}` : "0";
}
