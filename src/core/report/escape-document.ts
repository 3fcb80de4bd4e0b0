// Neutralises a whole markdown document that came from an untrusted place (a fork's artifact, a
// report carrying model output) before it becomes a comment or a check summary: no @mentions or
// team mentions, no #123 / GH-123 / owner/repo#123 / issue-URL cross-references, no raw HTML or
// HTML comments (so no forged markers), no images, no entity tricks, no bidi overrides. It inserts
// the module's one invisible character (WJ) rather than escaping, so applying it twice changes
// nothing. Text inside code (fenced, indented, inline), where mentions and tags are already inert,
// is left exactly as written: code is found with a real CommonMark + GFM parser, not a guess.
import { parse, postprocess, preprocess } from "micromark";
import { gfm } from "micromark-extension-gfm";
import { WJ } from "./escape.js";

/** Tags a report may use; bare, except `<details open>`. Everything else stops being a tag. */
const ALLOWED_TAG = /^<\/?(?:details|summary|br|sub|sup|b|i|em|strong|code|kbd|hr|p)(?: open)?\s*\/?>/i;
const SAFE_NAMED_ENTITY = /^&(?:lt|gt|amp|quot|apos|nbsp|ndash|mdash|hellip|middot|times|plusmn|le|ge|ne|asymp|deg|rarr|larr|uarr|darr|check|cross);/;
// Characters that, decoded from an entity, would rebuild a mention, a reference, a tag or an image.
const DANGEROUS_CODEPOINTS = new Set([0x40, 0x23, 0x3c, 0x21, 0x26, 0xfe6b, 0xff20]);
const CODE_TOKENS = new Set(["codeFenced", "codeIndented", "codeText"]);

type Range = readonly [number, number];

/** [start, end) offsets of every code block and code span in `md`, as GitHub's parser would see them. */
export function codeRanges(md: string): Range[] {
  const events = postprocess(parse({ extensions: [gfm()] }).document().write(preprocess()(md, undefined, true)));
  const out: Array<[number, number]> = [];
  for (const [kind, token] of events) {
    if (kind !== "enter" || !CODE_TOKENS.has(token.type)) continue;
    const last = out[out.length - 1];
    if (last && token.start.offset < last[1]) continue; // nested (a code span inside a code block cannot be, but be safe)
    out.push([token.start.offset, token.end.offset]);
  }
  return out;
}

/** One round: every rule, with code found afresh on the text each rule is applied to. */
function round(md: string): string {
  let s = md;
  for (const [re, fn] of RULES) s = applyOutsideCode(s, re, fn);
  return s;
}

function applyOutsideCode(md: string, re: RegExp, fn: (m: string, offset: number, all: string) => string): string {
  re.lastIndex = 0;
  if (!re.test(md)) return md;
  re.lastIndex = 0;
  const code = codeRanges(md);
  let k = 0;
  return md.replace(re, (...args: unknown[]) => {
    const m = args[0] as string;
    const offset = args[args.length - 2] as number;
    const all = args[args.length - 1] as string;
    while (k < code.length && code[k]![1] <= offset) k++;
    return k < code.length && code[k]![0] <= offset ? m : fn(m, offset, all);
  });
}

const RULES: Array<[RegExp, (m: string, offset: number, all: string) => string]> = [
  // @user and @org/team: a joiner after @ stops GitHub from linking or notifying. Emails stay.
  [/(?<![A-Za-z0-9_])@(?=[A-Za-z0-9_-])/g, () => `@${WJ}`],
  // Images load remote content on view; an image becomes a plain link.
  [/!(?=\[)/g, () => `!${WJ}`],
  // Raw HTML, comments (forged markers), autolinks: the `<` stops being a tag opener.
  [/<(?=[A-Za-z/!?])/g, (lt, offset, all) => (ALLOWED_TAG.test(all.slice(offset, offset + 40)) ? lt : `<${WJ}`)],
  // Entities that would decode to @ # < ! & (a mention or tag rebuilt after our pass).
  [
    /&(?=#|[A-Za-z])/g,
    (amp, offset, all) => {
      const ahead = all.slice(offset, offset + 12);
      if (SAFE_NAMED_ENTITY.test(ahead)) return amp;
      const num = /^&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/i.exec(ahead);
      if (num) {
        const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
        if (!DANGEROUS_CODEPOINTS.has(cp)) return amp;
      }
      return `&${WJ}`;
    },
  ],
  // #123 and owner/repo#123 (after the entity rule, so a kept entity such as &#955; stays whole).
  [/(?<!&)#(?=\d)/g, () => `#${WJ}`],
  // GH-123 is GitHub's other issue-reference syntax.
  [/\bGH-(?=\d)/gi, (m) => `${m.slice(0, 2)}${WJ}-`],
  // Full issue, PR and discussion URLs become cross-references too: the number is cut off.
  [/(github\.com\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/(?:issues|pull|discussions)\/)(?=\d)/gi, (m) => `${m}${WJ}`],
];

/**
 * Untrusted markdown made safe to post, code left verbatim. Rounds repeat until a parse of the
 * output finds nothing left to neutralise outside code (neutralising can turn a tag that hid a
 * backtick into text, and so move a code span); if that has not settled after a few rounds the
 * whole document, code included, is neutralised — safe, if less pretty.
 */
export function sanitizeUntrustedMarkdown(md: string): string {
  let s = md
    .replace(/\r\n?/g, "\n")
    // C0/C1 controls (keep tab and newline) and bidi overrides that disguise text.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
  for (let n = 0; n < 6; n++) {
    const next = round(s);
    if (next === s) return s;
    s = next;
  }
  for (const [re, fn] of RULES) s = s.replace(re, (...args: unknown[]) => fn(args[0] as string, args[args.length - 2] as number, args[args.length - 1] as string));
  return s;
}
