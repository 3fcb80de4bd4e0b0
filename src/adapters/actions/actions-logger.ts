// Logger over @actions/core: groups become collapsible log groups on the runner. Every message may
// quote data (case ids, keys, file names, model output), so each goes through the one log function
// (escape-log.ts) — core.info writes its text raw, and a line of it could be a workflow command.
import * as core from "@actions/core";
import type { Logger } from "../../core/ports/index.js";
import { neutralizeLogText } from "../../core/report/escape-log.js";

export class ActionsLogger implements Logger {
  debug(message: string): void {
    core.debug(neutralizeLogText(message));
  }
  info(message: string): void {
    core.info(neutralizeLogText(message));
  }
  warn(message: string): void {
    core.warning(neutralizeLogText(message));
  }
  error(message: string): void {
    core.error(neutralizeLogText(message));
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(neutralizeLogText(name), fn);
  }
}
