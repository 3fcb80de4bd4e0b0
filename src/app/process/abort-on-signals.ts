// Pass SIGINT/SIGTERM on to long work as an AbortSignal (so an eval keeps its results and a trainer
// checkpoints), for as long as the work runs; afterwards the signals act as usual again.
export async function abortOnSignals<T>(reason: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error(reason));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
