// Glob patterns for dependencies: `*` and `?` within one path segment, `**` across segments.
// Paths are workspace-relative with '/' separators.

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** The directory a glob can only match under (its longest literal prefix of whole segments). */
export function globBase(pattern: string): string {
  const segs = pattern.split("/");
  const lit: string[] = [];
  for (const s of segs) {
    if (isGlob(s)) break;
    lit.push(s);
  }
  return lit.length === segs.length ? lit.slice(0, -1).join("/") : lit.join("/");
}

/** Normalise a workspace-relative path: '/' separators, no './', no trailing '/'. Null when it leaves the workspace. */
export function normalizeRel(p: string): string | null {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  if (p.startsWith("/")) return null;
  return parts.join("/") || ".";
}

/** True when `inner` is `outer` or lies under it. */
export function within(inner: string, outer: string): boolean {
  return outer === "." || inner === outer || inner.startsWith(`${outer}/`);
}
