// What `prompts diff` finds, as data: the pure renderers (terminal text, the PR comment's section)
// read it; `prompts diff --json` prints it.

export interface PromptChange {
  /** The file, relative to where llmops ran. */
  file: string;
  status: "added" | "removed" | "modified";
  base: { version: string; semver: string | null } | null;
  head: { version: string; semver: string | null } | null;
  /** Unified diff of the file (and its sidecar). */
  template_diff: string;
  /** Where the sample cases came from ("evals/qa.yaml", "prompts/x.jinja examples"), or null when none. */
  cases_from: string | null;
  rendered: { case: string; where: string | null; changed: boolean; diff: string; before: string | null; after: string | null }[];
  /** Why a side could not be rendered (a template error), if so. */
  notes: string[];
}

export interface PromptDiffReport {
  /** The revision as given, and the commit it named. */
  base: string;
  base_commit: string;
  changes: PromptChange[];
}
