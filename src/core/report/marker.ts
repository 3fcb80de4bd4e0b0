// The hidden marker a sticky comment is found by: `<!-- llmops:<kind>:<key> -->`.
import { sanitizeMarkerToken } from "./escape.js";

/** e.g. renderStickyMarker("eval", "qa") → `<!-- llmops:eval:qa -->`; kind and key sanitised. */
export function renderStickyMarker(kind: string, key: string): string {
  return `<!-- llmops:${sanitizeMarkerToken(kind)}:${sanitizeMarkerToken(key)} -->`;
}
