// Duplicate JSON keys: JSON.parse silently keeps the last one. A cheap count of keys in the text
// (jumping from quote to quote) against the keys of the parsed value finds that a line has one;
// only then does a small scanner walk the text to name the key and its path.

/** Number of object keys written in a JSON text (strings followed by ':'). */
export function countRawKeys(text: string): number {
  let count = 0;
  let i = text.indexOf('"');
  while (i !== -1) {
    let j = text.indexOf('"', i + 1);
    while (j !== -1 && isEscaped(text, j)) j = text.indexOf('"', j + 1);
    if (j === -1) return count;
    let k = j + 1;
    let c = text.charCodeAt(k);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(++k);
    if (c === 58) count++;
    i = text.indexOf('"', k);
  }
  return count;
}

function isEscaped(text: string, quote: number): boolean {
  let n = 0;
  for (let p = quote - 1; text.charCodeAt(p) === 92; p--) n++;
  return (n & 1) === 1;
}

/** Number of keys in all objects of a parsed JSON value (recursing only into objects and arrays). */
export function countParsedKeys(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (typeof x === "object" && x !== null) n += countParsedKeys(x);
    }
    return n;
  }
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    n++;
    const x = obj[k];
    if (typeof x === "object" && x !== null) n += countParsedKeys(x);
  }
  return n;
}

export interface DuplicateKey {
  /** Path of the object holding the key, e.g. "messages[1]"; "" for the top level. */
  path: string;
  key: string;
}

/** The first duplicated key in a valid JSON text, or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const s = new Scanner(text);
  try {
    s.value("");
  } catch (found) {
    if (found instanceof Found) return found.dup;
    throw found;
  }
  return undefined;
}

class Found {
  constructor(readonly dup: DuplicateKey) {}
}

class Scanner {
  pos = 0;
  constructor(private readonly t: string) {}

  value(path: string): void {
    this.ws();
    const c = this.t[this.pos];
    if (c === "{") return this.object(path);
    if (c === "[") return this.array(path);
    if (c === '"') {
      this.string();
      return;
    }
    // number, true, false, null: skip to the next delimiter
    while (this.pos < this.t.length && !",]} \t\r\n".includes(this.t[this.pos]!)) this.pos++;
  }

  private object(path: string): void {
    this.pos++;
    const seen = new Set<string>();
    this.ws();
    if (this.t[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      const key = this.string();
      if (seen.has(key)) throw new Found({ path, key });
      seen.add(key);
      this.ws();
      this.pos++; // ':'
      this.value(path === "" ? key : `${path}.${key}`);
      this.ws();
      if (this.t[this.pos++] === "}") return;
    }
  }

  private array(path: string): void {
    this.pos++;
    this.ws();
    if (this.t[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      this.value(`${path}[${i}]`);
      this.ws();
      if (this.t[this.pos++] === "]") return;
    }
  }

  private string(): string {
    const start = this.pos;
    let j = this.t.indexOf('"', start + 1);
    while (j !== -1 && isEscaped(this.t, j)) j = this.t.indexOf('"', j + 1);
    this.pos = j + 1;
    return JSON.parse(this.t.slice(start, j + 1)) as string;
  }

  private ws(): void {
    let c = this.t.charCodeAt(this.pos);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = this.t.charCodeAt(++this.pos);
  }
}
