// Options several commands share, declared once (the CLI's terminal switches, the GitHub token).
import type { OptionDef } from "./spec.js";

const TERMINAL = "terminal output: the action writes outputs and a job summary instead";

export const json = { type: { kind: "flag" }, side: "cli", why: TERMINAL, description: "print the result as JSON on stdout" } as const satisfies OptionDef;
export const quiet = { type: { kind: "flag" }, side: "cli", why: TERMINAL, short: "q", description: "no progress or log lines on stderr" } as const satisfies OptionDef;

const TOKEN = "the GitHub token: the CLI runs without one, or reads GITHUB_TOKEN from its environment";

/** An action's GitHub token (default: the workflow's). */
export function token(description: string) {
  return { type: { kind: "string" }, side: "action", why: TOKEN, description, actionDefault: "${{ github.token }}" } as const satisfies OptionDef;
}

/** A token the action cannot work without (still defaulting to the workflow's). */
export function requiredToken(description: string) {
  return { ...token(description), required: true } as const satisfies OptionDef;
}
