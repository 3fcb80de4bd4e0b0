// Neutralises markdown that came from an untrusted place (a fork's artifact, model output) before
// it reaches a comment: no @mentions, issue cross-references, raw HTML, images, entity tricks, bidi
// overrides or forged markers. It inserts an invisible WORD JOINER (U+2060) rather than escaping,
// so text inside code blocks reads the same, and applying it twice changes nothing.

const WJ = "\u2060";
/** Tags a report may use; bare, except `<details open>`. Everything else stops being a tag. */
const ALLOWED_TAG = /^<\/?(?:details|summary|br|sub|sup|b|i|em|strong|code|kbd|hr|p)(?: open)?\s*\/?>/i;
const SAFE_NAMED_ENTITY = /^&(?:lt|gt|amp|quot|apos|nbsp|ndash|mdash|hellip|middot|times|plusmn|le|ge|ne|asymp|deg|rarr|larr|uarr|darr|check|cross);/;

export function sanitizeUntrustedMarkdown(md: string): string {
  return (
    md
      .replace(/\r\n?/g, "\n")
      // C0/C1 controls (keep tab and newline) and bidi overrides that disguise text.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "")
      // @user, @org/team: a word joiner after @ stops GitHub from linking or notifying.
      .replace(/(^|[^\w`])@(?=[A-Za-z0-9_-])/g, `$1@${WJ}`)
      // Images load remote content on view; an image becomes a plain link.
      .replace(/!(?=\[)/g, `!${WJ}`)
      .replace(/<(?=[A-Za-z/!?])/g, (lt, offset: number, all: string) => (ALLOWED_TAG.test(all.slice(offset, offset + 40)) ? lt : `<${WJ}`))
      .replace(/&(?=#|[A-Za-z])/g, (amp, offset: number, all: string) => {
        const ahead = all.slice(offset, offset + 12);
        if (SAFE_NAMED_ENTITY.test(ahead)) return amp;
        const num = /^&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/i.exec(ahead);
        if (num) {
          const cp = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
          if (!DANGEROUS_CODEPOINTS.has(cp)) return amp;
        }
        return `&${WJ}`;
      })
      // #123 and owner/repo#123 would add "mentioned" events to other issues (after the entity
      // pass, so a kept entity such as &#955; stays whole).
      .replace(/(?<!&)#(?=\d)/g, `#${WJ}`)
  );
}

// Characters that, decoded from an entity, would rebuild a mention, a reference, a tag or an image.
const DANGEROUS_CODEPOINTS = new Set([0x40, 0x23, 0x3c, 0x21, 0x26, 0xfe6b, 0xff20]);
