// Training progress from observed steps: step/total, tokens/s, ETA, loss, and its one-line form.

export interface ProgressSample {
  step: number;
  /** Clock milliseconds when the step was seen. */
  at: number;
  tokens?: number | undefined;
}

export interface TrainProgress {
  step: number;
  totalSteps?: number | undefined;
  loss?: number | undefined;
  tokensPerS?: number | undefined;
  etaS?: number | undefined;
}

/** Rates over the recent samples (the first steps include start-up cost, so a sliding window). */
export function computeProgress(samples: readonly ProgressSample[], totalSteps: number | undefined, loss: number | undefined, trainerTokensPerS?: number): TrainProgress {
  const last = samples.at(-1);
  if (!last) return { step: 0, totalSteps };
  const window = samples.slice(-20);
  const first = window[0]!;
  const dt = (last.at - first.at) / 1000;
  const dSteps = last.step - first.step;
  let tokensPerS = trainerTokensPerS;
  if (tokensPerS === undefined && dt > 0) {
    const toks = window.slice(1).reduce((s, x) => s + (x.tokens ?? 0), 0);
    if (toks > 0) tokensPerS = toks / dt;
  }
  const etaS = totalSteps !== undefined && dSteps > 0 && dt > 0 ? ((totalSteps - last.step) * dt) / dSteps : undefined;
  return { step: last.step, totalSteps, loss, tokensPerS, etaS };
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return "?";
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(sec).padStart(2, "0")}s` : `${sec}s`;
}

export function renderProgressLine(p: TrainProgress): string {
  const parts = [`step ${p.step}${p.totalSteps !== undefined ? `/${p.totalSteps}` : ""}`];
  if (p.loss !== undefined) parts.push(`loss ${Number.isFinite(p.loss) ? p.loss.toFixed(4) : String(p.loss)}`);
  if (p.tokensPerS !== undefined) parts.push(`${Math.round(p.tokensPerS)} tok/s`);
  if (p.etaS !== undefined) parts.push(`ETA ${formatDuration(p.etaS)}`);
  return parts.join(" · ");
}
