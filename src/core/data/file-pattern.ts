// Which files a data-file pattern names: a `*` in the last path segment matches within its
// directory (`data/*.jsonl`); other paths name one file. Pure: the caller lists the directory.
import { InputError } from "../../errors.js";

export type FilePattern = { kind: "file"; path: string } | { kind: "glob"; dir: string; name: RegExp };

/** Parse one pattern as the user typed it (`where` names the input for messages). */
export function parseFilePattern(pattern: string, where: string): FilePattern {
  const cut = pattern.lastIndexOf("/");
  const dir = cut < 0 ? "." : pattern.slice(0, cut) || "/";
  const name = pattern.slice(cut + 1);
  if (dir.includes("*")) {
    throw new InputError(`${where}: ${pattern} has a * in a directory; only the file name may hold one`, { hint: "list each directory's pattern on its own line (data/a/*.jsonl, data/b/*.jsonl)" });
  }
  if (!name.includes("*")) return { kind: "file", path: pattern };
  // Every other character is literal (., ?, [ included): `*` is the one wildcard.
  const re = new RegExp(`^${name.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return { kind: "glob", dir, name: re };
}

/**
 * The names a glob matches among a directory's entries, sorted; a pattern that matches nothing is
 * the user's mistake (a typo would otherwise validate no data and pass). `names` is null when the
 * directory cannot be listed.
 */
export function selectMatches(pattern: string, glob: Extract<FilePattern, { kind: "glob" }>, names: readonly string[] | null, where: string): string[] {
  const hits = (names ?? []).filter((n) => glob.name.test(n)).sort();
  if (hits.length === 0) throw new InputError(`${where}: ${pattern} matches no file${names === null ? ` (cannot list ${glob.dir})` : ""}`, { hint: "check the path; a * matches within one directory" });
  return hits;
}
