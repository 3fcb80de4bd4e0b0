// `llmops serve <model.gguf>`: an OpenAI-compatible server on llama.cpp (node-llama-cpp), the
// embedded default the evaluator, the demo and the smoke test talk to exactly as to vLLM.
import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { abortOnSignals } from "../../app/process/abort-on-signals.js";
import { LlamaEngine, importNodeLlamaCpp } from "../../app/serve/llama-engine.js";
import { OpenAiServer } from "../../app/serve/openai-server.js";
import { InputError } from "../../errors.js";
import { intOption, requirePositional, type Command } from "../command.js";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export const serveCommand: Command = {
  name: "serve",
  maxPositionals: 1,
  summary: "serve a GGUF model as an OpenAI-compatible API (llama.cpp)",
  help: `
usage: llmops serve <model.gguf> [options]

An OpenAI-compatible server on llama.cpp through node-llama-cpp (CPU):
POST /v1/chat/completions (the model's chat template), POST /v1/completions,
streaming (SSE) or not, stop, max_tokens, temperature, top_p, seed, logprobs;
GET /v1/models; GET /health (503 while loading or draining, then 200);
GET /metrics (Prometheus text, vLLM's metric names).
Prints "listening on <url>" on stdout when the port is open. SIGTERM or Ctrl-C
stops taking requests, lets running ones finish, and exits 0.

options:
  --port N           port (default 8080; 0 picks a free one)
  --host H           address to bind (default 127.0.0.1); anything else needs
                     --api-key-env, or --insecure to serve without a key
  --api-key-env NAME require "Authorization: Bearer <key>" on /v1/*, the key
                     read from environment variable NAME
  --insecure         allow a non-loopback --host without an API key
  --threads N        CPU threads (default: half the cores, at least 1)
  --parallel N       requests generated at once (default 1)
  --queue N          requests that may wait for a slot; past it 503 with
                     Retry-After (default 64)
  --ctx N            context tokens per request (default: the model's, at most 4096)
  --adapter FILE     a GGUF LoRA adapter (llmops export gguf --adapter) to apply
  --kv-cache T       f16 (default) or f32 (bit-closer agreement with PyTorch)
  --name NAME        the model name /v1/models reports (default: the file name)
  --drain-timeout S  seconds to let running requests finish on shutdown (default 30)
  --quiet            no log lines
  -h, --help         this help
`,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "api-key-env": { type: "string" },
    insecure: { type: "boolean" },
    threads: { type: "string" },
    parallel: { type: "string" },
    queue: { type: "string" },
    ctx: { type: "string" },
    adapter: { type: "string" },
    "kv-cache": { type: "string" },
    name: { type: "string" },
    "drain-timeout": { type: "string" },
    quiet: { type: "boolean" },
  },
  async run(ctx, { values, positionals }) {
    const modelPath = ctx.resolvePath(requirePositional(this, positionals, "the model file (a .gguf from llmops export gguf)"));
    const checkFile = (p: string, what: string) => {
      if (!existsSync(p)) throw new InputError(`${what} not found: ${p}`, { hint: "export one with: llmops export gguf <model-dir>" });
      if (statSync(p).isDirectory()) throw new InputError(`${p} is a directory; pass the .gguf file`, { hint: "export one with: llmops export gguf <model-dir>" });
    };
    checkFile(modelPath, "model file");
    const adapterPath = values.adapter ? ctx.resolvePath(values.adapter as string) : undefined;
    if (adapterPath) checkFile(adapterPath, "--adapter file");
    const port = intOption(values, "port", 0) ?? 8080;
    if (port > 65535) throw new InputError(`--port must be at most 65535, got ${port}`);
    const host = (values.host as string | undefined) ?? "127.0.0.1";
    const keyEnv = values["api-key-env"] as string | undefined;
    if (keyEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv)) throw new InputError(`--api-key-env takes an environment variable name such as LLMOPS_SERVE_KEY, got ${JSON.stringify(keyEnv)}`);
    const apiKey = keyEnv ? ctx.env[keyEnv] : undefined;
    if (keyEnv && !apiKey) throw new InputError(`--api-key-env ${keyEnv}: the environment variable is not set or empty`, { hint: `export ${keyEnv}=<a long random key> before starting serve` });
    if (!LOOPBACK.has(host) && !apiKey && !values.insecure) {
      throw new InputError(`--host ${host} would expose the model to the network without an API key`, { hint: "add --api-key-env NAME (clients send Authorization: Bearer <key>), or --insecure if the network is trusted" });
    }
    const kvCache = ((values["kv-cache"] as string | undefined) ?? "f16").toLowerCase();
    if (kvCache !== "f16" && kvCache !== "f32") throw new InputError(`--kv-cache must be f16 or f32, got ${JSON.stringify(values["kv-cache"])}`);
    const threads = intOption(values, "threads") ?? Math.max(1, Math.floor(availableParallelism() / 2));
    const parallel = intOption(values, "parallel") ?? 1;
    const queueLimit = intOption(values, "queue", 0) ?? 64;
    const ctxTokens = intOption(values, "ctx", 16);
    const drainS = intOption(values, "drain-timeout", 0) ?? 30;
    const name = (values.name as string | undefined) ?? basename(modelPath).replace(/\.gguf$/i, "");

    // Import node-llama-cpp before our signal handlers exist: a dependency of it (signal-exit) re-raises
    // SIGTERM when it finds itself the only listener, which it would after our once-handler ran.
    await importNodeLlamaCpp();
    const server = new OpenAiServer({ host, port, queueLimit, modelName: name, logger: ctx.logger, ...(apiKey ? { apiKey } : {}) });
    let url: string;
    try {
      url = await server.listen();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE") throw new InputError(`port ${port} on ${host} is already in use`, { hint: "pick another with --port N (0 picks a free one)" });
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new InputError(`--host ${host}: not an address of this machine`);
      if (code === "EACCES") throw new InputError(`port ${port}: permission denied (ports below 1024 need privileges)`);
      throw err;
    }
    ctx.stdout.write(`listening on ${url}\n`);
    return abortOnSignals("stopped", async (signal) => {
      const t0 = performance.now();
      const engine = await LlamaEngine.load({ modelPath, ...(adapterPath ? { adapterPath } : {}), threads, parallel, ...(ctxTokens ? { ctx: ctxTokens } : {}), kvCache }, name).catch(async (err: unknown) => {
        await server.drain(0);
        throw err;
      });
      server.setEngine(engine);
      ctx.logger.info(
        `serving ${name} at ${url}/v1 (${threads} thread(s), ${parallel} parallel, context ${engine.contextSize}, KV cache ${kvCache}${adapterPath ? `, adapter ${basename(adapterPath)}` : ""}; loaded in ${Math.round(performance.now() - t0)} ms)${apiKey ? "; API key required" : ""}`,
      );
      if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      ctx.logger.info(`stopping: letting running requests finish (up to ${drainS}s)`);
      const { unfinished } = await server.drain(drainS * 1000);
      if (unfinished) ctx.logger.warn(`${unfinished} request(s) were still running after ${drainS}s and were cut off`);
      await engine.dispose();
      ctx.logger.info("stopped");
      return 0;
    });
  },
};
