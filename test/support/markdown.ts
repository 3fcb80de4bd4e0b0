// Render GitHub-flavoured markdown to HTML the way GitHub's parser would (CommonMark + GFM, raw HTML
// kept so that tests see exactly what would reach GitHub's sanitiser), and read back visible text.
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" };

export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#") && name !== "#39") return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? m;
  });
}

/** The text a reader sees: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""));
}

/** Every tag name in the HTML, opening and closing, e.g. ["p", "/p"]. */
export function tagNames(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase());
}

/** Text outside <code>/<pre> where GitHub would look for @mentions and #references. */
export function textOutsideCode(html: string): string {
  return visibleText(html.replace(/<pre>[\s\S]*?<\/pre>/g, " ").replace(/<code>[\s\S]*?<\/code>/g, " "));
}

/** GitHub's @mention pattern (user or org/team), preceded by start or a non-word character. */
export const MENTION = /(?:^|[^\w`])@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)?/i;
/** An issue/PR cross-reference: #123 or owner/repo#123. */
export const REFERENCE = /(?:^|[^\w&])#\d+/;
