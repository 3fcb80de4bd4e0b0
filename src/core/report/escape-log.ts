// Untrusted text on its way to the runner's log (or to stdout in a workflow step): the runner reads
// every line — split at \n, \r\n and a lone \r — and obeys one that starts, after blanks, with `::`
// (`::error::`, `::add-mask::`, `::stop-commands::`, `::set-output`) or `##[` (the older syntax).
// Such a line gets the module's invisible WJ after its first character, so it reads the same to a
// person and means nothing to the runner. Part of the one neutralising module (escape.ts).
import { WJ } from "./escape.js";

// A line start is the text start or right after \n or \r; blanks (space, tab, and what .NET trims) may precede.
const COMMAND_AT_LINE_START = /(^|[\n\r])([\t \u00a0\u2000-\u200b\u3000\ufeff]*)(::|##\[)/g;

/** Text the runner prints but never interprets. Line breaks are kept; idempotent. */
export function neutralizeLogText(text: string): string {
  return text.replace(COMMAND_AT_LINE_START, (_m, brk: string, blanks: string, cmd: string) => `${brk}${blanks}${cmd[0]}${WJ}${cmd.slice(1)}`);
}

/** True when some line of `text` would be read as a workflow command. */
export function hasWorkflowCommand(text: string): boolean {
  COMMAND_AT_LINE_START.lastIndex = 0;
  return COMMAND_AT_LINE_START.test(text);
}

/** A value inside a workflow command: `%`, CR and LF encoded (the runner decodes them), so it stays on one line. */
function escapeCommandData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property of a workflow command (file=, title=): also `:` and `,`, which end a property. */
function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * An annotation on a line of a file (`::error file=…,line=…,col=…,title=…::message`). Every piece of
 * untrusted text is encoded, so a message quoting a case cannot end the command or start another.
 */
export function renderAnnotation(level: "error" | "warning" | "notice", at: { file: string; line: number; col?: number; title?: string }, message: string): string {
  const props = [`file=${escapeCommandProperty(at.file)}`, `line=${Math.max(1, Math.floor(at.line))}`];
  if (at.col !== undefined) props.push(`col=${Math.max(1, Math.floor(at.col))}`);
  if (at.title !== undefined) props.push(`title=${escapeCommandProperty(at.title)}`);
  return `::${level} ${props.join(",")}::${escapeCommandData(message)}`;
}
