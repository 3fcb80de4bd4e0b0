// A small reader for the Python literals trainers print (HF Trainer's `{'loss': 1.2, ...}` lines):
// dicts, lists, tuples, quoted strings, numbers, nan/inf, True/False/None, and calls such as
// np.float64(1.2) or tensor(0.5) unwrapped to their first argument.

export type PyValue = number | string | boolean | null | PyValue[] | { [k: string]: PyValue };

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  peek(): string {
    this.ws();
    return this.s[this.i] ?? "";
  }
  expect(ch: string): void {
    if (this.peek() !== ch) throw new SyntaxError(`expected ${ch} at ${this.i}`);
    this.i++;
  }
  value(): PyValue {
    const c = this.peek();
    if (c === "{") return this.dict();
    if (c === "[" || c === "(") return this.list(c === "[" ? "]" : ")");
    if (c === "'" || c === '"') return this.str();
    return this.atom();
  }
  dict(): { [k: string]: PyValue } {
    this.expect("{");
    const out: { [k: string]: PyValue } = {};
    while (this.peek() !== "}") {
      const k = this.value();
      this.expect(":");
      out[String(k)] = this.value();
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect("}");
    return out;
  }
  list(close: string): PyValue[] {
    this.i++;
    const out: PyValue[] = [];
    while (this.peek() !== close) {
      out.push(this.value());
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect(close);
    return out;
  }
  /** Positional arguments of a call; keyword arguments (device='cuda:0') are read and dropped. */
  callArgs(): PyValue {
    this.expect("(");
    const positional: PyValue[] = [];
    while (this.peek() !== ")") {
      const kw = /^[A-Za-z_]\w*\s*=(?!=)/.exec(this.s.slice(this.i));
      if (kw) {
        this.i += kw[0].length;
        this.value();
      } else positional.push(this.value());
      if (this.peek() === ",") this.i++;
      else break;
    }
    this.expect(")");
    return positional[0] ?? null;
  }
  str(): string {
    const q = this.s[this.i]!;
    this.i++;
    let out = "";
    while (this.i < this.s.length && this.s[this.i] !== q) {
      if (this.s[this.i] === "\\" && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i];
      this.i++;
    }
    if (this.s[this.i] !== q) throw new SyntaxError("unterminated string");
    this.i++;
    return out;
  }
  atom(): PyValue {
    const m = /^[A-Za-z0-9_.+\-]+/.exec(this.s.slice(this.i));
    if (!m) throw new SyntaxError(`unexpected ${JSON.stringify(this.s[this.i] ?? "end")} at ${this.i}`);
    const word = m[0];
    this.i += word.length;
    if (this.peek() === "(") {
      // np.float64(1.5), tensor(0.25, device='cuda:0'): keep the first argument.
      return this.callArgs();
    }
    return wordValue(word);
  }
}

function wordValue(w: string): PyValue {
  switch (w) {
    case "True":
      return true;
    case "False":
      return false;
    case "None":
      return null;
  }
  const n = numberOf(w);
  if (n === undefined) throw new SyntaxError(`not a literal: ${w}`);
  return n;
}

/** A number from a literal or a quoted number: 1.5, '1.5', nan, inf, -inf, NaN, Infinity. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const t = v.trim().toLowerCase();
  if (t === "nan" || t === "-nan") return Number.NaN;
  if (t === "inf" || t === "+inf" || t === "infinity" || t === "+infinity") return Number.POSITIVE_INFINITY;
  if (t === "-inf" || t === "-infinity") return Number.NEGATIVE_INFINITY;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export function parsePythonLiteral(text: string): PyValue {
  const r = new Reader(text);
  const v = r.value();
  if (r.peek() !== "") throw new SyntaxError(`trailing text at ${r.i}`);
  return v;
}

/** The first balanced `{…}` in a line (tqdm bars often precede the dict on the same line). */
export function extractDict(line: string): string | undefined {
  const start = line.indexOf("{'") >= 0 ? line.indexOf("{'") : line.indexOf('{"');
  if (start < 0) return undefined;
  let depth = 0;
  let quote = "";
  for (let i = start; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return line.slice(start, i + 1);
  }
  return undefined;
}
