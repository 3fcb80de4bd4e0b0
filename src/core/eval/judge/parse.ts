// Reading a judge's answer. Judges are asked for JSON ({"score": n, "reason": …} or {"winner":
// "A"|"B"|"tie", …}); the MT-Bench forms ("[[4]]", "[[A]]", "[[C]]" for a tie) and "Score: 4" /
// "Winner: A" lines are accepted too. Anything else is a parse failure that keeps the raw text —
// never a silent 0.

export type RubricScale = number | "pass_fail";

export type RubricVerdict = { ok: true; score: number; reason: string | null } | { ok: false; error: string };
export type PairwiseChoice = "A" | "B" | "tie";
export type PairwiseVerdict = { ok: true; choice: PairwiseChoice; reason: string | null } | { ok: false; error: string };

/** The last JSON object in the text (a fenced block, or braces in prose), if any parses. */
function lastJsonObject(whole: string): Record<string, unknown> | null {
  // Bounded: a hostile or rambling answer full of braces costs at most 16 × 16 parse attempts.
  const text = whole.slice(-20_000);
  let ends = 0;
  for (let end = text.lastIndexOf("}"); end >= 0 && ends++ < 16; end = text.lastIndexOf("}", end - 1)) {
    let starts = 0;
    for (let start = text.lastIndexOf("{", end); start >= 0 && starts++ < 16; start = text.lastIndexOf("{", start - 1)) {
      try {
        const v: unknown = JSON.parse(text.slice(start, end + 1));
        if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
      } catch {
        /* try a wider span */
      }
    }
  }
  return null;
}

function reasonOf(o: Record<string, unknown> | null): string | null {
  const r = o?.reason ?? o?.explanation ?? o?.rationale;
  return typeof r === "string" ? r.slice(0, 2000) : null;
}

const PASS = new Set(["pass", "passed", "yes", "true", "1", "correct"]);
const FAIL = new Set(["fail", "failed", "no", "false", "0", "incorrect"]);

/** A pointwise verdict: an integer in 1..scale, or 1 (pass) / 0 (fail) for a pass/fail rubric. */
export function parseRubricVerdict(text: string, scale: RubricScale): RubricVerdict {
  const json = lastJsonObject(text);
  let raw: unknown = json ? (json.score ?? json.verdict ?? json.rating ?? json.grade) : undefined;
  if (raw === undefined) {
    const m = scale === "pass_fail" ? /\b(?:verdict|score|result)\s*[:=]\s*\**\s*(pass|fail)\b|\[\[(pass|fail)\]\]/gi : /\b(?:score|rating)\s*[:=]\s*\**\s*(-?\d+(?:\.\d+)?)|\[\[(-?\d+(?:\.\d+)?)\]\]/gi;
    let last: RegExpExecArray | null = null;
    for (let r = m.exec(text); r; r = m.exec(text)) last = r;
    raw = last ? (last[1] ?? last[2]) : undefined;
  }
  if (raw === undefined) {
    return { ok: false, error: scale === "pass_fail" ? 'no verdict found: expected JSON {"verdict": "pass"|"fail", "reason": …}' : `no score found: expected JSON {"score": 1-${scale}, "reason": …}` };
  }
  const reason = reasonOf(json);
  if (scale === "pass_fail") {
    const s = String(raw).trim().toLowerCase();
    if (PASS.has(s)) return { ok: true, score: 1, reason };
    if (FAIL.has(s)) return { ok: true, score: 0, reason };
    return { ok: false, error: `verdict ${JSON.stringify(raw)} is neither pass nor fail` };
  }
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > scale) return { ok: false, error: `score ${JSON.stringify(raw)} is not an integer from 1 to ${scale}` };
  return { ok: true, score: n, reason };
}

/** A pairwise verdict: which of the two answers shown (A first, B second) is better, or a tie. */
export function parsePairwiseVerdict(text: string): PairwiseVerdict {
  const json = lastJsonObject(text);
  let raw: unknown = json ? (json.winner ?? json.preference ?? json.verdict ?? json.choice) : undefined;
  if (raw === undefined) {
    const m = /\[\[\s*(A|B|C|tie)\s*\]\]|\b(?:winner|verdict|preference)\s*[:=]\s*\**\s*(A|B|tie)\b/gi;
    let last: RegExpExecArray | null = null;
    for (let r = m.exec(text); r; r = m.exec(text)) last = r;
    raw = last ? (last[1] ?? last[2]) : undefined;
  }
  if (raw === undefined) return { ok: false, error: 'no verdict found: expected JSON {"winner": "A"|"B"|"tie", "reason": …}' };
  const s = String(raw).trim().toLowerCase();
  const choice: PairwiseChoice | undefined = s === "a" ? "A" : s === "b" ? "B" : s === "tie" || s === "c" || s === "equal" || s === "draw" ? "tie" : undefined;
  if (!choice) return { ok: false, error: `winner ${JSON.stringify(raw)} is not A, B or tie` };
  return { ok: true, choice, reason: reasonOf(json) };
}
