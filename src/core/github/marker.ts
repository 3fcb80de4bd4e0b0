// Hidden markers that tie a sticky comment to what produced it: `<!-- llmops:<kind>:<key> -->`.
import { InputError } from "../../errors.js";

const PART = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

export function renderMarker(kind: string, key: string): string {
  for (const [what, v] of [["kind", kind], ["key", key]] as const) {
    if (!PART.test(v)) {
      throw new InputError(`comment marker ${what} ${JSON.stringify(v)} is not allowed`, {
        hint: "use letters, digits, '.', '_', '/', '-' (at most 100 characters, starting with a letter or digit)",
      });
    }
  }
  return `<!-- llmops:${kind}:${key} -->`;
}

/** True when the body carries the marker on its first line (where we always put it). */
export function hasMarker(body: string, marker: string): boolean {
  const first = body.replace(/^\s+/, "").split("\n", 1)[0] ?? "";
  return first.trim() === marker;
}
