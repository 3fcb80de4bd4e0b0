// What a remote scorer counts as it prepares: samples, errors (with one raw example), the verdicts'
// distribution, pairwise position bias, and each case's verdict as a label for calibration.

export interface PairwiseTally {
  /** Samples judged in both orders. */
  pairs: number;
  /** The candidate preferred in both orders / the reference preferred in both / a tie in both. */
  wins: number;
  losses: number;
  ties: number;
  /** The verdict changed when the two answers swapped places: no preference counted (scored 0.5). */
  inconsistent: number;
  /** Single-order verdicts that named one answer (not a tie), and how many named the one shown first. */
  decisive_verdicts: number;
  first_position_wins: number;
}

export interface JudgeTally {
  /** The judge prompt's source and content hash (null for embeddings). */
  prompt: { source: string; sha256: string } | null;
  samples: number;
  errors: { parse: number; request: number };
  /** The first failure: its message and the judge's raw answer (when there was one). */
  error_example: { message: string; raw: string | null } | null;
  /** How often each verdict was given (rubric: "1".."N" or "pass"/"fail"; pairwise: win/loss/tie/inconsistent). */
  distribution: Record<string, number>;
  pairwise?: PairwiseTally;
  /** Each judged case's verdict on its lowest judged repeat, as an ordinal label (for calibration). */
  labels: Map<string, { repeat: number; label: number }>;
  /** The ordered categories labels index into (calibration reads human labels against them). */
  categories: readonly string[];
}

export function emptyTally(categories: readonly string[], prompt: { source: string; hash: string } | undefined, pairwise = false): JudgeTally {
  return {
    prompt: prompt ? { source: prompt.source, sha256: prompt.hash } : null,
    samples: 0,
    errors: { parse: 0, request: 0 },
    error_example: null,
    distribution: {},
    labels: new Map(),
    categories,
    ...(pairwise ? { pairwise: { pairs: 0, wins: 0, losses: 0, ties: 0, inconsistent: 0, decisive_verdicts: 0, first_position_wins: 0 } } : {}),
  };
}

const RAW_KEPT = 2000;

/** Count a failed sample; the first one is kept as the example. */
export function noteError(t: JudgeTally, kind: "parse" | "request", message: string, raw: string | null): void {
  t.errors[kind]++;
  t.error_example ??= { message, raw: raw === null ? null : raw.slice(0, RAW_KEPT) };
}

export function noteLabel(t: JudgeTally, caseId: string | undefined, repeat: number | undefined, label: number): void {
  if (caseId === undefined) return;
  const had = t.labels.get(caseId);
  if (!had || (repeat ?? 0) < had.repeat) t.labels.set(caseId, { repeat: repeat ?? 0, label });
}

export function rawExcerpt(raw: string): string {
  return raw.length > RAW_KEPT ? `${raw.slice(0, RAW_KEPT)}…` : raw;
}
