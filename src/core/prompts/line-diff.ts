// A unified line diff (longest common subsequence, 3 lines of context) for prompt templates and
// their renderings. Prompts are short; past a size where the table would be large, the diff says
// the whole text was replaced rather than spending memory.

export interface DiffLine {
  op: " " | "-" | "+";
  text: string;
}

const MAX_CELLS = 4_000_000;

/** The line edit script from `a` to `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text) => ({ op: " " as const, text }));
  const tail = a.slice(endA).map((text) => ({ op: " " as const, text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  let middle: DiffLine[];
  if (x.length * y.length > MAX_CELLS) {
    middle = [...x.map((text) => ({ op: "-" as const, text })), ...y.map((text) => ({ op: "+" as const, text }))];
  } else {
    // lcs[i][j] = LCS length of x[i..] and y[j..], in one flat array.
    const w = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    middle = [];
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        middle.push({ op: " ", text: x[i]! });
        i++;
        j++;
      } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) middle.push({ op: "-", text: x[i++]! });
      else middle.push({ op: "+", text: y[j++]! });
    }
    while (i < x.length) middle.push({ op: "-", text: x[i++]! });
    while (j < y.length) middle.push({ op: "+", text: y[j++]! });
  }
  return [...head, ...middle, ...tail];
}

const splitLines = (s: string): string[] => (s === "" ? [] : s.replace(/\r?\n$/, "").split(/\r?\n/));

/**
 * A unified diff of two texts ("--- a", "+++ b", @@ hunks); "" when they are equal.
 * `context` lines of unchanged text surround each change.
 */
export function unifiedDiff(before: string, after: string, labels: { a: string; b: string }, context = 3): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- ${labels.a}`, `+++ ${labels.b}`];
  const changed = ops.map((o, k) => (o.op !== " " ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) {
    // Only a final newline differs.
    out.push("@@ -1 +1 @@", "\\ the texts differ only in their final line break");
    return `${out.join("\n")}\n`;
  }
  // Group changes whose context overlaps into hunks.
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const last = hunks[hunks.length - 1];
    if (last && k - last[1] <= 2 * context) last[1] = k;
    else hunks.push([k, k]);
  }
  // Line numbers before each op index.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const o of ops) {
    posA.push(la);
    posB.push(lb);
    if (o.op !== "+") la++;
    if (o.op !== "-") lb++;
  }
  for (const [s, e] of hunks) {
    const from = Math.max(0, s - context);
    const to = Math.min(ops.length - 1, e + context);
    const slice = ops.slice(from, to + 1);
    const countA = slice.filter((o) => o.op !== "+").length;
    const countB = slice.filter((o) => o.op !== "-").length;
    const startA = countA === 0 ? posA[from]! - 1 : posA[from]!;
    const startB = countB === 0 ? posB[from]! - 1 : posB[from]!;
    out.push(`@@ -${startA},${countA} +${startB},${countB} @@`);
    for (const o of slice) out.push(`${o.op}${o.text}`);
  }
  return `${out.join("\n")}\n`;
}
