// Whose comments are "ours": the login behind the token. An Actions GITHUB_TOKEN (an installation
// token) may not call GET /user, and its comments are authored by github-actions[bot].
import type { GitHubClient } from "../ports/github-client.js";

export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

export interface CommentIdentity {
  login: string;
  /** "token": the login GitHub reports for the token (GET /user, or GraphQL viewer for app tokens). */
  source: "input" | "token" | "actions-default";
}

export async function resolveCommentIdentity(client: GitHubClient, override: string | undefined): Promise<CommentIdentity> {
  if (override) return { login: override, source: "input" };
  const login = await client.getAuthenticatedLogin();
  return login ? { login, source: "token" } : { login: ACTIONS_BOT_LOGIN, source: "actions-default" };
}

export function sameLogin(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}
