// Did a finished run learn anything? The divergence rule compares against the running minimum, so a
// run that is bad from its first logged step never trips it. Two checks at the end of a run that
// otherwise succeeded: a final loss far above the loss of a uniform guess over the vocabulary
// (ln V: what an untrained model scores), and a loss that never fell below its first logged value.

/** Final loss above this multiple of ln(vocab) means the model is worse than guessing. */
export const UNIFORM_FACTOR = 1.5;
/** The never-improved rule needs this many logged losses (a 3-step smoke run may not move). */
export const MIN_LOGGED_FOR_TREND = 5;

export function assessLearning(losses: readonly { step: number; loss: number }[], vocabSize: number | undefined): string | null {
  if (losses.length === 0) return null;
  const first = losses[0]!;
  const last = losses[losses.length - 1]!;
  if (vocabSize !== undefined && vocabSize > 1) {
    const uniform = Math.log(vocabSize);
    if (last.loss > UNIFORM_FACTOR * uniform) {
      return `the final loss ${fmt(last.loss)} (step ${last.step}) is far above ${fmt(uniform)}, the loss of a uniform guess over ${vocabSize} tokens: the model is worse than guessing`;
    }
  }
  if (losses.length >= MIN_LOGGED_FOR_TREND && !losses.slice(1).some((p) => p.loss < first.loss)) {
    return `the loss never fell below its first logged value (${fmt(first.loss)} at step ${first.step}; ${fmt(last.loss)} at step ${last.step})`;
  }
  return null;
}

function fmt(n: number): string {
  return Number(n.toPrecision(4)).toString();
}
