// The one table of failure → exit code that the README shows (test/integration/exit-codes.test.ts
// checks the README against it and runs a command for every row).
import { markdownTable } from "markdown-table";
import { EXIT_CODES, type ErrorKind } from "../errors.js";

export interface ExitCodeRow {
  /** The error kind (src/errors.ts) behind the row; null for success. */
  kind: ErrorKind | null;
  exit: number;
  failure: string;
}

const row = (kind: ErrorKind, failure: string): ExitCodeRow => ({ kind, exit: EXIT_CODES[kind], failure });

export const EXIT_CODE_TABLE: readonly ExitCodeRow[] = [
  { kind: null, exit: 0, failure: "success; a gate PASS (also PASS \"unchanged\"), or INCONCLUSIVE under `inconclusive: pass` or `neutral`" },
  row("gate", "a gate FAIL, or INCONCLUSIVE under `inconclusive: fail` (the default); `gate --plan` finding a margin too narrow to decide"),
  row("data", "invalid data found: `data validate` problems, a results file that does not parse"),
  row("process", "a training run that failed (the trainer exited non-zero, the loss became non-finite or diverged, it never learned) or was interrupted"),
  row("input", "a bad command-line flag, argument or action input"),
  row("config", "a configuration error, named at `file:line:col`: YAML, schema, out-of-range values, prompt templates, a policy naming a metric the runs do not have, a file the configuration names that does not exist"),
  row("external", "an external refusal: a model server that cannot be reached or fails every request, a missing trainer or Python interpreter"),
  row("internal", "a bug in llmops (printed with a stack trace; please report it)"),
];

/** The README's markdown table. */
export function renderExitCodeTable(): string {
  return markdownTable([["exit", "when"], ...EXIT_CODE_TABLE.map((r) => [String(r.exit), r.failure])], { alignDelimiters: false });
}
