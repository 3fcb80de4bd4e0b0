// How the OpenAI-compatible provider classifies every answer it can get, against a loopback
// server that gives each one: which are retried, which are recorded on the case, which stop the run.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError, type CompletionRequest } from "../../core/ports/provider.js";
import { ExternalError } from "../../errors.js";
import { OpenAiCompatibleProvider, requestBody } from "./openai-provider.js";

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (_q, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const ok = json(200, { choices: [{ message: { content: "4" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1 } });

const replies: Record<string, Reply> = {
  ok,
  "400": json(400, { error: { message: "max_tokens is too large" } }),
  "401": json(401, { error: { message: "invalid api key" } }),
  "403": json(403, { error: "forbidden" }),
  "404": json(404, { detail: "Not Found" }),
  "408": json(408, {}),
  "422": json(422, { message: "bad field" }),
  "429": json(429, { error: { message: "slow down" } }, { "retry-after": "2" }),
  "500": json(500, { error: { message: "boom" } }),
  "503": json(503, "overloaded"),
  "dropped mid-body": (_q, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"choices":[{"mess', () => res.socket?.destroy());
  },
  "stream without [DONE]": (_q, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end('data: {"choices":[{"delta":{"content":"4"}}]}\n\n');
  },
  "not json": (_q, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("<html>proxy error</html>");
  },
  "reset": (q) => q.socket.destroy(),
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((q, res) => {
    q.resume();
    q.on("end", () => replies[decodeURIComponent(q.headers["x-reply"] as string)]!(q, res));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const request: CompletionRequest = { api: "chat", model: "m", messages: [{ role: "user", content: "2+2" }], params: {}, stream: false };

async function outcome(reply: string, url = base): Promise<ProviderError> {
  const p = new OpenAiCompatibleProvider({ baseUrl: url, headers: { "x-reply": encodeURIComponent(reply) }, apiKeyEnv: "MODEL_KEY" });
  const err = await p.complete({ ...request, stream: reply.startsWith("stream") }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("the OpenAI-compatible provider's failure table", () => {
  it("answers a 200 with the completion", async () => {
    const p = new OpenAiCompatibleProvider({ baseUrl: base, headers: { "x-reply": "ok" } });
    expect(await p.complete(request)).toMatchObject({ text: "4", finishReason: "stop", promptTokens: 3, completionTokens: 1 });
  });

  // reply → [failure, retried, stops the run, status]: retried ones are tried again with backoff;
  // run-stopping ones would fail every other case the same way; the rest are recorded on the case.
  it.each([
    ["400", "bad_request", false, false, 400],
    ["422", "bad_request", false, false, 422],
    ["401", "auth", false, true, 401],
    ["403", "auth", false, true, 403],
    ["404", "not_found", false, true, 404],
    ["408", "http", true, false, 408],
    ["429", "http", true, false, 429],
    ["500", "http", true, false, 500],
    ["503", "http", true, false, 503],
    ["dropped mid-body", "network", true, false, undefined],
    ["stream without [DONE]", "truncated", true, false, undefined],
    ["not json", "truncated", true, false, undefined],
    ["reset", "network", true, false, undefined],
  ] as const)("%s → %s (retried: %s, stops the run: %s)", async (reply, failure, retryable, fatal, status) => {
    const e = await outcome(reply);
    expect([e.failure, e.retryable, e.fatal, e.status]).toEqual([failure, retryable, fatal, status]);
    expect(e).toBeInstanceOf(ExternalError);
    expect(e.message).toContain(`${base}/chat/completions`);
  });

  it("passes the server's reason and Retry-After on, and names the key's variable (never the key) on 401", async () => {
    expect((await outcome("429")).opts.retryAfterMs).toBe(2000);
    expect((await outcome("400")).message).toMatch(/rejected the request \(400\): max_tokens is too large$/);
    const auth = await outcome("401");
    expect(auth.message).toMatch(/answered 401 Unauthorized: invalid api key$/);
    expect(auth.hint).toBe("check the API key in the environment variable MODEL_KEY (it is not set)");
  });

  it("a refused connection is retried a few times, then stops the run", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await outcome("ok", `http://127.0.0.1:${port}/v1`);
    expect([e.failure, e.retryable, e.fatal, e.opts.maxAttempts]).toEqual(["refused", true, true, 3]);
    expect(e.hint).toMatch(/is the model server running/);
  });
});

describe("what cannot be sent", () => {
  it("an API key with a line break stops the run at the first request, naming the variable and never the key", async () => {
    const p = new OpenAiCompatibleProvider({ baseUrl: base, apiKey: "sk-secret\r\nx-evil: 1", apiKeyEnv: "MODEL_KEY" });
    const e = await p.complete(request).then(
      () => undefined,
      (err: unknown) => err as ProviderError,
    );
    expect(e).toBeInstanceOf(ProviderError);
    expect([e!.failure, e!.retryable, e!.fatal]).toEqual(["bad_request", false, true]);
    expect(e!.message).toMatch(/authorization has a line break, a control character or a character past ASCII/);
    expect(e!.hint).toBe("the API key in MODEL_KEY has a line break, a control character or a character past ASCII: set it without them");
    expect(`${e!.message} ${e!.hint}`).not.toContain("secret");
  });

  it("keeps one connection alive across requests to the chat and embeddings endpoints", async () => {
    const seen = new Set<unknown>();
    const counting = createServer((q, res) => {
      seen.add(q.socket);
      q.resume();
      q.on("end", () => (q.url!.endsWith("/embeddings") ? json(200, { data: [{ index: 0, embedding: [1, 2] }] }) : ok)(q, res));
    });
    await new Promise<void>((r) => counting.listen(0, "127.0.0.1", r));
    const p = new OpenAiCompatibleProvider({ baseUrl: `http://127.0.0.1:${(counting.address() as AddressInfo).port}/v1/` });
    for (let i = 0; i < 3; i++) {
      expect((await p.complete(request)).text).toBe("4");
      expect((await p.embed({ api: "embeddings", model: "e", input: ["x"] })).vectors).toEqual([[1, 2]]);
    }
    expect(seen.size).toBe(1);
    p.close();
    await new Promise<void>((r) => counting.close(() => r()));
  });
});

describe("requestBody", () => {
  it("the target's model and the rendered prompt win over anything the sampling parameters name", () => {
    const body = requestBody({ ...request, params: { temperature: 0, model: "a-stronger-model", messages: [], stream: true } });
    expect(body).toMatchObject({ model: "m", temperature: 0, stream: false, messages: request.messages });
  });
});
