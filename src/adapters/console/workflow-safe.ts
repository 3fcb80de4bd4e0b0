// A stream guarded for the runner's log: in a workflow step every line of untrusted text that
// would be a workflow command is neutralised through the one log function (escape-log.ts).
import { neutralizeLogText } from "../../core/report/escape-log.js";

/**
 * In a workflow step (GITHUB_ACTIONS=true) the runner reads our stdout and stderr for workflow
 * commands; a report or an error quoting model output must not issue one. Every line that would
 * be a command is neutralised (escape-log.ts); elsewhere the stream is returned as is.
 */
export function workflowSafe<S extends NodeJS.WritableStream>(stream: S, env: NodeJS.ProcessEnv): S {
  if (env.GITHUB_ACTIONS !== "true") return stream;
  return new Proxy(stream, {
    get(target, prop, receiver) {
      if (prop !== "write") return Reflect.get(target, prop, receiver) as unknown;
      return (chunk: unknown, ...rest: unknown[]) =>
        (target.write as (c: unknown, ...r: unknown[]) => boolean).call(target, typeof chunk === "string" || chunk instanceof Uint8Array ? neutralizeLogText(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8")) : chunk, ...rest);
    },
  });
}

