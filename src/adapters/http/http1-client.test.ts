// The HTTP/1.1 client against loopback servers that write their responses byte by byte as given:
// every framing a server may use, split at every point, the connection reuse that makes it fast,
// and every malformed or cut-off answer it must refuse rather than misread.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net, { type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../errors.js";
import { Http1Error, Http1Pool, parseEndpoint, requestHeadPrefix, type Http1Event, type Http1Response } from "./http1-client.js";

interface Received {
  head: string;
  body: string;
  conn: number;
  socket: Socket;
}
type Handler = (r: Received) => void;

const servers: net.Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
});

/** A server that parses each request (Content-Length bodies) and hands it, with its connection's number, to `handler`. */
async function rawServer(handler: Handler, secure?: { key: string; cert: string }): Promise<{ url: string; connections: () => number; requests: Received[] }> {
  let conns = 0;
  const requests: Received[] = [];
  const onSocket = (socket: Socket): void => {
    const conn = ++conns;
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    socket.on("error", () => {});
    socket.on("data", (b: Buffer) => {
      buf = Buffer.concat([buf, b]);
      for (;;) {
        const end = buf.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buf.toString("latin1", 0, end);
        const len = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const r = { head, body: buf.toString("utf8", end + 4, end + 4 + len), conn, socket };
        buf = buf.subarray(end + 4 + len);
        requests.push(r);
        handler(r);
      }
    });
  };
  const server = secure ? tls.createServer(secure, onSocket) : net.createServer(onSocket);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `${secure ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat`, connections: () => conns, requests };
}

/** Writes `parts` one at a time, a macrotask apart, so the client sees each as its own read. */
async function dribble(socket: Socket, parts: (string | Buffer)[]): Promise<void> {
  for (const p of parts) {
    socket.write(p);
    await new Promise((r) => setTimeout(r, 1));
  }
}
const bytes = (s: string): string[] => [...s];

function send(pool: Http1Pool, url: string, body = "{}", events: Http1Event[] = []): { response: Promise<Http1Response>; abort: (e: Error) => void } {
  const head = requestHeadPrefix(parseEndpoint(url), { "content-type": "application/json" });
  return pool.request(`${head}${Buffer.byteLength(body)}\r\n\r\n${body}`, (e) => events.push(e));
}
async function text(pool: Http1Pool, url: string, body = "{}"): Promise<{ status: number; text: string }> {
  const res = await send(pool, url, body).response;
  return { status: res.status, text: await res.text() };
}
const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as Error,
  );

describe("framing", () => {
  const ok = (body: string, extra = ""): string => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${extra}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

  it("reads a Content-Length body delivered one byte at a time, and sends the request as written", async () => {
    const srv = await rawServer((r) => void dribble(r.socket, bytes(ok('{"a":"é"}'))));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const events: Http1Event[] = [];
    const res = await send(pool, srv.url, '{"q":"ü"}', events).response;
    expect([res.status, res.header("Content-Type"), await res.text()]).toEqual([200, "application/json", '{"a":"é"}']);
    const port = new URL(srv.url).port;
    expect(srv.requests[0]!.head).toBe(`POST /v1/chat HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\nconnection: keep-alive\r\ncontent-length: 10`);
    expect(srv.requests[0]!.body).toBe('{"q":"ü"}');
    expect(events[0]).toBe("connected");
    expect(events[1]).toBe("headers");
    expect(events.slice(2).every((e) => e === "data") && events.length > 3).toBe(true);
  });

  it("reads a chunked body split at every byte, with chunk extensions and trailers", async () => {
    const wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;name=x\r\ndata\r\nB\r\n: {\"x\":1}\n\n\r\n0\r\nx-trailer: 1\r\n\r\n";
    const srv = await rawServer((r) => void dribble(r.socket, bytes(wire)));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const res = await send(pool, srv.url).response;
    const chunks: string[] = [];
    for await (const c of res.body) chunks.push(Buffer.from(c).toString("utf8"));
    expect(chunks.join("")).toBe('data: {"x":1}\n\n');
    // Complete, so the connection is reused.
    expect((await text(pool, srv.url)).status).toBe(200);
    expect(srv.connections()).toBe(1);
  });

  it("reads a chunked body that arrives in one piece with the head", async () => {
    const srv = await rawServer((r) => r.socket.write("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    expect(await text(pool, srv.url)).toEqual({ status: 200, text: "abcde" });
  });

  it("reads a body framed by the connection's close, and does not reuse that connection", async () => {
    const srv = await rawServer((r) => void dribble(r.socket, ["HTTP/1.1 200 OK\r\n\r\n", "to the ", "end"]).then(() => r.socket.end()));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    expect(await text(pool, srv.url)).toEqual({ status: 200, text: "to the end" });
    expect(await text(pool, srv.url)).toEqual({ status: 200, text: "to the end" });
    expect(srv.connections()).toBe(2);
  });

  it("skips interim 1xx answers, and reads 204 as empty", async () => {
    let n = 0;
    const srv = await rawServer((r) => r.socket.write(n++ === 0 ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\n" + ok("{}") : "HTTP/1.1 204 No Content\r\n\r\n"));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const first = await send(pool, srv.url).response;
    expect([first.status, first.header("link"), await first.text()]).toEqual([200, null, "{}"]);
    expect(await text(pool, srv.url)).toEqual({ status: 204, text: "" });
    expect(srv.connections()).toBe(1);
  });

  it("joins repeated headers and trims their whitespace", async () => {
    const srv = await rawServer((r) => r.socket.write("HTTP/1.1 429 Too Many\r\nretry-after:   2 \r\nx-a: 1\r\nX-A: 2\r\nx-tab:\t3 \t\r\nx-empty:\r\ncontent-length: 0\r\n\r\n"));
    const res = await send(new Http1Pool(parseEndpoint(srv.url)), srv.url).response;
    expect([res.status, res.header("retry-after"), res.header("x-a"), res.header("x-tab"), res.header("x-empty"), res.header("missing")]).toEqual([429, "2", "1, 2", "3", "", null]);
  });
});

describe("connection reuse", () => {
  const ok = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok";

  it("sends many requests over as many connections as were in flight at once", async () => {
    const srv = await rawServer((r) => r.socket.write(ok));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    for (let round = 0; round < 5; round++) {
      const all = await Promise.all(Array.from({ length: 8 }, () => text(pool, srv.url)));
      expect(all.every((a) => a.text === "ok")).toBe(true);
    }
    expect(srv.connections()).toBe(8);
  });

  it("opens a new connection after Connection: close, after HTTP/1.0, and after bytes past the response", async () => {
    const answers = [
      "HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok",
      "HTTP/1.0 200 OK\r\ncontent-length: 2\r\n\r\nok",
      `${ok}junk`,
      "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\njunk",
      "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\ncontent-length: 2\r\n\r\nok",
      ok,
    ];
    let i = 0;
    const srv = await rawServer((r) => r.socket.write(answers[i++]!));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const seen: number[] = [];
    for (let k = 0; k < answers.length; k++) {
      expect((await text(pool, srv.url)).text).toBe(k === 3 ? "" : "ok");
      seen.push(srv.requests[k]!.conn);
    }
    // 1.0 with keep-alive is reused by the request after it.
    expect(seen).toEqual([1, 2, 3, 4, 5, 5]);
  });

  it("does not reuse a connection the server closed while it was idle", async () => {
    const srv = await rawServer((r) => r.socket.end(ok));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    expect((await text(pool, srv.url)).text).toBe("ok");
    await new Promise((r) => setTimeout(r, 50));
    expect((await text(pool, srv.url)).text).toBe("ok");
    expect(srv.connections()).toBe(2);
  });

  it("does not reuse a connection past the server's Keep-Alive timeout less a second, or past its own idle limit", async () => {
    const srv = await rawServer((r) => r.socket.write(r.body === '"short"' ? ok.replace("OK\r\n", "OK\r\nKeep-Alive: timeout=1, max=100\r\n") : ok));
    const pool = new Http1Pool(parseEndpoint(srv.url), { maxIdleMs: 200 });
    expect((await text(pool, srv.url, '"short"')).text).toBe("ok");
    expect((await text(pool, srv.url)).text).toBe("ok");
    expect(srv.connections()).toBe(2);
    expect((await text(pool, srv.url)).text).toBe("ok");
    expect(srv.connections()).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect((await text(pool, srv.url)).text).toBe("ok");
    expect(srv.connections()).toBe(3);
  });

  it("an abort that comes after its response is complete leaves the next request on that connection alone", async () => {
    const srv = await rawServer((r) => r.socket.write(ok));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const first = send(pool, srv.url);
    expect(await (await first.response).text()).toBe("ok");
    const second = send(pool, srv.url);
    first.abort(new Error("late cancel"));
    expect(await (await second.response).text()).toBe("ok");
    expect(srv.connections()).toBe(1);
  });
});

describe("failures", () => {
  const malformed: [string, string, RegExp][] = [
    ["a status line that is not HTTP/1.x", "HTTP/2 200\r\n\r\n", /status line/],
    ["a status code of two digits", "HTTP/1.1 20 OK\r\n\r\n", /status line/],
    ["a folded header", "HTTP/1.1 200 OK\r\nx-a: 1\r\n  2\r\ncontent-length: 0\r\n\r\n", /folded/],
    ["a header line without a name", "HTTP/1.1 200 OK\r\n: x\r\n\r\n", /no name/],
    ["two different lengths", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nok", /Content-Length/],
    ["a negative length", "HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n", /Content-Length/],
    ["a protocol switch", "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\n\r\n", /switched protocols/],
    ["a head without end", `HTTP/1.1 200 OK\r\n${"x-pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(1200)}`, /longer than 65536/],
  ];
  it.each(malformed)("refuses %s before any body is read", async (_what, wire, why) => {
    const srv = await rawServer((r) => r.socket.write(wire));
    const err = await failure(send(new Http1Pool(parseEndpoint(srv.url)), srv.url).response);
    expect(err).toBeInstanceOf(Http1Error);
    expect([(err as Http1Error).code, err.message]).toEqual(["HPE_INVALID_RESPONSE", expect.stringMatching(why)]);
  });

  it.each([
    ["a chunk size that is not hex", "zz\r\nabc\r\n0\r\n\r\n", /chunk size line/],
    ["a chunk longer than its size", "2\r\nabc\r\n0\r\n\r\n", /longer than its size/],
    ["a chunk size line without end", `1${"0".repeat(5000)}`, /too long/],
  ])("refuses %s in the body", async (_what, body, why) => {
    const srv = await rawServer((r) => r.socket.write(`HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${body}`));
    const res = await send(new Http1Pool(parseEndpoint(srv.url)), srv.url).response;
    const err = await failure(res.text());
    expect([(err as Http1Error).code, err.message]).toEqual(["HPE_INVALID_RESPONSE", expect.stringMatching(why)]);
  });

  it("refuses a body larger than the limit, declared or streamed, and closes the connection", async () => {
    let n = 0;
    const chunk = (c: string) => `32\r\n${c.repeat(50)}\r\n`;
    const answers = ["HTTP/1.1 200 OK\r\ncontent-length: 101\r\n\r\n", `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${chunk("x")}${chunk("y")}${chunk("z")}`];
    const srv = await rawServer((r) => r.socket.write(answers[n++]!));
    const pool = new Http1Pool(parseEndpoint(srv.url), { maxBodyBytes: 100 });
    const declared = await failure(send(pool, srv.url).response);
    expect(declared.message).toMatch(/Content-Length is larger than 100 bytes/);
    const streamed = await failure((await send(pool, srv.url).response).text());
    expect([(streamed as Http1Error).code, streamed.message]).toEqual(["HPE_INVALID_RESPONSE", expect.stringMatching(/body is larger than 100 bytes/)]);
    expect(srv.connections()).toBe(2);
  });

  it("a connection closed before the head is a hang-up; closed mid-body, a cut-off response", async () => {
    let n = 0;
    const srv = await rawServer((r) => (n++ === 0 ? r.socket.destroy() : r.socket.end("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc")));
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const hangUp = await failure(send(pool, srv.url).response);
    expect([(hangUp as Http1Error).code, hangUp.message]).toEqual(["ECONNRESET", "socket hang up"]);
    const res = await send(pool, srv.url).response;
    const cut = await failure(res.text());
    expect([(cut as Http1Error).code, cut.message]).toEqual(["ECONNRESET", "the response was cut off"]);
    const streamed = await send(pool, srv.url).response;
    const seen: number[] = [];
    const err = await failure(
      (async () => {
        for await (const c of streamed.body) seen.push(c.length);
      })(),
    );
    expect([seen, err.message]).toEqual([[3], "the response was cut off"]);
  });

  it("an abort fails the response's head, or its body, with the reason, and closes the connection", async () => {
    const srv = await rawServer((r) => {
      if (r.body === '"body"') r.socket.write("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc");
    });
    const pool = new Http1Pool(parseEndpoint(srv.url));
    const waiting = send(pool, srv.url, '"head"');
    setTimeout(() => waiting.abort(new Error("deadline")), 20);
    expect((await failure(waiting.response)).message).toBe("deadline");
    const reading = send(pool, srv.url, '"body"');
    const res = await reading.response;
    setTimeout(() => reading.abort(new Error("hedge won")), 20);
    expect((await failure(res.text())).message).toBe("hedge won");
    expect(srv.connections()).toBe(2);
  });

  it("a refused connection fails with ECONNREFUSED", async () => {
    const srv = await rawServer(() => {});
    const url = srv.url;
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    const err = await failure(send(new Http1Pool(parseEndpoint(url)), url).response);
    expect((err as NodeJS.ErrnoException).code).toBe("ECONNREFUSED");
  });
});

describe("the request head", () => {
  const endpoint = parseEndpoint("http://user:p%40ss@[::1]:8080/v1/chat/completions?x=1");

  it("carries the URL's host, path and credentials; a given Authorization wins over the URL's", () => {
    expect(endpoint).toMatchObject({ host: "::1", port: 8080, authority: "[::1]:8080", path: "/v1/chat/completions?x=1", secure: false });
    expect(requestHeadPrefix(endpoint, { Accept: "text/event-stream" })).toBe(
      `POST /v1/chat/completions?x=1 HTTP/1.1\r\nhost: [::1]:8080\r\naccept: text/event-stream\r\nauthorization: Basic ${Buffer.from("user:p@ss").toString("base64")}\r\nconnection: keep-alive\r\ncontent-length: `,
    );
    expect(requestHeadPrefix(endpoint, { authorization: "Bearer k" })).toContain("\r\nauthorization: Bearer k\r\n");
    expect(parseEndpoint("https://api.example.com/v1")).toMatchObject({ port: 443, authority: "api.example.com", secure: true });
  });

  it.each([
    [{ authorization: "Bearer sk-secret\r\nx-injected: 1" }, /authorization has a line break/],
    [{ "x-a": "nul\u0000" }, /x-a has a line break, a control character/],
    [{ "x-a": "caf\u00e9" }, /x-a has a line break, a control character or a character past ASCII/],
    [{ "bad name": "1" }, /not an HTTP token/],
    [{ "Content-Length": "5" }, /set by the HTTP client/],
    [{ "transfer-encoding": "chunked" }, /set by the HTTP client/],
    [{ host: "evil" }, /set by the HTTP client/],
  ])("refuses %o, naming the header and never its value", (headers, why) => {
    let err: unknown;
    try {
      requestHeadPrefix(endpoint, headers);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).not.toContain("secret");
  });

  it("refuses a scheme other than http: and https:", () => {
    expect(() => parseEndpoint("ftp://x/v1")).toThrow(/the scheme ftp: is not http: or https:/);
  });
});

describe("https", () => {
  const openssl = (() => {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  // openssl makes a self-signed certificate for 127.0.0.1; the client trusts it only when told to.
  it.skipIf(!openssl)("speaks HTTP/1.1 over TLS, verifies the server's certificate, and refuses one it does not trust", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llmops-tls-"));
    try {
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
      const key = readFileSync(join(dir, "key.pem"), "utf8");
      const cert = readFileSync(join(dir, "cert.pem"), "utf8");
      const srv = await rawServer((r) => r.socket.write("HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecret"), { key, cert });
      const trusted = new Http1Pool(parseEndpoint(srv.url), { ca: cert });
      expect(await text(trusted, srv.url)).toEqual({ status: 200, text: "secret" });
      expect(await text(trusted, srv.url)).toEqual({ status: 200, text: "secret" });
      expect(srv.connections()).toBe(1);
      const err = await failure(send(new Http1Pool(parseEndpoint(srv.url)), srv.url).response);
      expect((err as NodeJS.ErrnoException).code).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
      trusted.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
