// The one place an action catches errors, classifies them and calls setFailed. Entry files hand
// their `main` here; nothing is read at module load.
import * as core from "@actions/core";
import { InternalError, LlmopsError, formatError } from "../../errors.js";
import { tuneGarbageCollector } from "../../app/process/tune-gc.js";

export async function runAction(main: () => Promise<void>): Promise<void> {
  tuneGarbageCollector();
  try {
    await main();
  } catch (err) {
    if (err instanceof LlmopsError && !(err instanceof InternalError)) {
      core.setFailed(formatError(err).replace(/^error: /, ""));
    } else {
      core.setFailed(formatError(err));
    }
  }
}
