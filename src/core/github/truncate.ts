// Fitting markdown into GitHub's hard limits (comment bodies, check-run summaries) without
// silently losing text: the cut is said in the output, and an open code fence is closed.

export interface Truncated {
  text: string;
  truncated: boolean;
  originalLength: number;
}

/** Cut `text` to at most `max` UTF-16 units, appending a note that says what was cut and where to read it all. */
export function truncateMarkdown(text: string, max: number, whereFull: string): Truncated {
  if (text.length <= max) return { text, truncated: false, originalLength: text.length };
  const note = (shown: number) =>
    `\n\n> [!WARNING]\n> Truncated: ${shown.toLocaleString("en-US")} of ${text.length.toLocaleString("en-US")} characters shown (GitHub's limit is ${max.toLocaleString("en-US")}). ${whereFull}\n`;
  // The fence closer and the note must fit: reserve for the longest forms.
  const reserve = note(text.length).length + 8;
  let cut = Math.max(0, max - reserve);
  // Never split a surrogate pair; prefer a line boundary when one is near.
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const nl = text.lastIndexOf("\n", cut);
  if (nl > cut - 2000 && nl > 0) cut = nl;
  let kept = text.slice(0, cut);
  if (openFence(kept)) kept += `\n${openFence(kept)}`;
  return { text: kept + note(cut), truncated: true, originalLength: text.length };
}

/** Cut a one-line text to `max` characters, ending with an ellipsis when cut. */
export function truncateLine(text: string, max: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  if (one.length <= max) return one;
  let cut = max - 1;
  if (isHighSurrogate(one.charCodeAt(cut - 1))) cut--;
  return `${one.slice(0, cut)}…`;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The fence string that would close the code block left open at the end of `md`, or "". */
export function openFence(md: string): string {
  let open: { ch: string; len: number } | null = null;
  for (const line of md.split("\n")) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (!m) continue;
    const run = m[1] as string;
    if (open === null) {
      if (run[0] === "`" && (m[2] ?? "").includes("`")) continue; // not a fence opener per CommonMark
      open = { ch: run[0] as string, len: run.length };
    } else if (run[0] === open.ch && run.length >= open.len && (m[2] ?? "").trim() === "") {
      open = null;
    }
  }
  return open ? open.ch.repeat(open.len) : "";
}
