// A keep-alive HTTP/1.1 client for the model servers the harness talks to: one request at a time
// per connection, the request head built once per endpoint, responses framed by Content-Length,
// chunked coding or the connection's close (RFC 9112 §6). node:http's client spends about 70 µs of
// CPU on a small request on this machine (ClientRequest, the agent's bookkeeping, IncomingMessage's
// stream machinery); this spends about 30 (bench/http-client.mjs), and the harness shares its cores
// with the server it measures.
import net from "node:net";
import tls from "node:tls";
import { ConfigError } from "../../errors.js";

/** Where requests go: parsed once from a URL. */
export interface Http1Endpoint {
  secure: boolean;
  /** For connect(): an IPv6 address without its brackets. */
  host: string;
  port: number;
  /** The Host header: the URL's host, port included when it is not the scheme's default. */
  authority: string;
  /** Path and query, as the request line carries them. */
  path: string;
  /** Basic credentials from the URL's userinfo, already "user:password". */
  userinfo?: string;
}

/** What a caller learns while a request runs (the runner's deadlines listen to these). */
export type Http1Event = "connected" | "headers" | "data";

/** A response whose head has arrived; its body is read once, as a stream or as text. */
export interface Http1Response {
  readonly status: number;
  header(name: string): string | null;
  readonly body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
}

/**
 * A transport failure, with a code as node's own carry (ECONNRESET, HPE_INVALID_RESPONSE); like
 * them, it never leaves the adapter that made the request: it is classified there.
 */
export class Http1Error extends Error {
  override readonly name = "Http1Error";
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** TOKEN's characters, by char code below 128. */
const TOKEN_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) TOKEN_CHAR[c] = TOKEN.test(String.fromCharCode(c)) ? 1 : 0;
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: [^\r\n]*)?$/;
// Field values: visible ASCII, space and tab; no CR, LF, NUL or other controls, and no bytes past
// ASCII (the head is written as UTF-8, where node:http writes Latin-1: neither is what the other
// side may assume, so neither is sent).
export const FIELD_VALUE = /^[\t\x20-\x7e]*$/;
/** Headers the client owns: the framing and the connection are its business, not the caller's. */
const OWN_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect"]);

/** The endpoint of an http: or https: URL. */
export function parseEndpoint(url: string): Http1Endpoint {
  const u = new URL(url);
  const secure = u.protocol === "https:";
  if (!secure && u.protocol !== "http:") throw new ConfigError(`the scheme ${u.protocol} is not http: or https:`);
  const userinfo = u.username || u.password ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : undefined;
  return {
    secure,
    host: u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname,
    port: u.port ? Number(u.port) : secure ? 443 : 80,
    authority: u.host,
    path: `${u.pathname}${u.search}`,
    ...(userinfo === undefined ? {} : { userinfo }),
  };
}

/**
 * The request head of `POST endpoint` with `headers`, up to and including "Content-Length: "
 * (the caller appends the body's length, a blank line and the body). Names are sent in lower case;
 * a later name replaces an earlier one. Throws Http1HeaderError, naming the header but never its
 * value (it may be a key), where one cannot be sent: a ConfigError, as headers come from configuration.
 */
export function requestHeadPrefix(endpoint: Http1Endpoint, headers: Record<string, string>): string {
  const fields = new Map<string, string>();
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (!TOKEN.test(name)) throw new ConfigError(`the header name ${JSON.stringify(rawName)} is not an HTTP token`);
    if (OWN_HEADERS.has(name)) throw new ConfigError(`the header ${rawName} is set by the HTTP client and cannot be given`);
    if (!FIELD_VALUE.test(value)) throw new ConfigError(`the value of the header ${rawName} has a line break, a control character or a character past ASCII, which this client does not send`);
    fields.set(name, value.trim());
  }
  if (endpoint.userinfo !== undefined && !fields.has("authorization")) {
    fields.set("authorization", `Basic ${Buffer.from(endpoint.userinfo, "utf8").toString("base64")}`);
  }
  let head = `POST ${endpoint.path} HTTP/1.1\r\nhost: ${endpoint.authority}\r\n`;
  for (const [name, value] of fields) head += `${name}: ${value}\r\n`;
  return `${head}connection: keep-alive\r\ncontent-length: `;
}

/** A request in flight: cancel it with a reason (the response, or its body, fails with it). */
export interface Http1Exchange {
  readonly response: Promise<Http1Response>;
  abort(reason: Error): void;
}

// Limits on what a server may send before its body: node:http's are 16 KiB; a model server's head
// is a few hundred bytes, so 64 KiB is generous and still bounds a hostile one.
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE = 4096;
// A completion, an error page or a batch of embeddings is far smaller; a body past this is a
// server gone wrong, and held whole it would take the harness down with it.
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

const enum State {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Done,
}

/** One request's response: the head as parsed, then the body as it arrives. */
class Response implements Http1Response {
  status = 0;
  readonly fields = new Map<string, string>();
  private chunks: Buffer[] = [];
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  header(name: string): string | null {
    return this.fields.get(name.toLowerCase()) ?? null;
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.notify();
  }
  end(): void {
    this.ended = true;
    this.notify();
  }
  fail(err: Error): void {
    if (this.ended || this.failure) return;
    this.failure = err;
    this.notify();
  }
  private notify(): void {
    const w = this.wake;
    if (w) {
      this.wake = null;
      w();
    }
  }

  text(): Promise<string> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        if (this.failure) return reject(this.failure);
        if (!this.ended) {
          this.wake = settle;
          return;
        }
        const c = this.chunks;
        this.chunks = [];
        resolve(c.length === 1 ? c[0]!.toString("utf8") : Buffer.concat(c).toString("utf8"));
      };
      settle();
    });
  }

  get body(): AsyncIterable<Uint8Array> {
    return {
      [Symbol.asyncIterator]: () => ({
        next: (): Promise<IteratorResult<Uint8Array>> =>
          new Promise((resolve, reject) => {
            const settle = (): void => {
              if (this.chunks.length > 0) return resolve({ value: this.chunks.shift()!, done: false });
              if (this.failure) return reject(this.failure);
              if (this.ended) return resolve({ value: undefined, done: true });
              this.wake = settle;
            };
            settle();
          }),
      }),
    };
  }
}

/** One connection and the response it is reading. */
class Connection {
  state = State.Done;
  /** The bytes of a head (or of a chunk-size or trailer line) not yet complete. */
  private pending: Buffer | null = null;
  private remaining = 0;
  /** Body bytes of the current response so far. */
  private bodyBytes = 0;
  private reusable = false;
  private res: Response | null = null;
  private resolveHead: ((r: Response) => void) | null = null;
  private rejectHead: ((e: Error) => void) | null = null;
  private onEvent: ((e: Http1Event) => void) | null = null;
  /** Counts the requests sent, so an abort meant for an earlier one does not touch a later one. */
  private sent = 0;
  /** The idle time the server's last response allowed (its Keep-Alive timeout), when it said. */
  keepAliveMs: number | undefined;
  /** While idle in the pool: when it is too old to reuse (performance.now() ms). */
  idleUntil = 0;

  constructor(
    readonly socket: net.Socket,
    private readonly pool: Http1Pool,
  ) {
    socket.on("data", (b: Buffer) => this.read(b));
    socket.on("end", () => this.closed(null));
    socket.on("close", () => this.closed(null));
    socket.on("error", (e: Error) => this.closed(e));
  }

  /** Send a request on this connection (it must be idle); its number and its response's head. */
  send(head: string, onEvent: (e: Http1Event) => void): { n: number; head: Promise<Response> } {
    const n = ++this.sent;
    this.state = State.Head;
    this.pending = null;
    this.bodyBytes = 0;
    this.res = new Response();
    this.onEvent = onEvent;
    const p = new Promise<Response>((resolve, reject) => {
      this.resolveHead = resolve;
      this.rejectHead = reject;
    });
    this.socket.write(head);
    return { n, head: p };
  }

  /** Fails request `n` with `reason` and closes the connection, unless that response is complete. */
  abort(n: number, reason: Error): void {
    if (n !== this.sent || this.res === null) return;
    this.fail(reason);
    this.socket.destroy();
  }

  private fail(err: Error): void {
    const reject = this.rejectHead;
    const res = this.res;
    this.res = null;
    this.resolveHead = this.rejectHead = null;
    this.onEvent = null;
    this.state = State.Done;
    if (reject) reject(err);
    else res?.fail(err);
  }

  private closed(err: Error | null): void {
    this.pool.forget(this);
    if (this.res === null) return;
    if (err === null && this.state === State.UntilClose) {
      this.finish(null);
      return;
    }
    const headDone = this.resolveHead === null;
    this.fail(err ?? new Http1Error(headDone ? "the response was cut off" : "socket hang up", "ECONNRESET"));
    this.socket.destroy();
  }

  private protocolError(why: string): void {
    this.fail(new Http1Error(`the server's response is not valid HTTP/1.1: ${why}`, "HPE_INVALID_RESPONSE"));
    this.socket.destroy();
  }

  private read(b: Buffer): void {
    if (this.res === null) {
      // Bytes nobody asked for (an idle connection, or after a complete response): not reusable.
      this.socket.destroy();
      return;
    }
    let buf = b;
    while (buf.length > 0 && this.res !== null) {
      switch (this.state) {
        case State.Head: {
          const rest = this.readHead(buf);
          if (rest === null) return;
          buf = rest;
          // A response without a body (204, 304, a zero length) is complete with its head.
          if ((this.state as State) === State.Done) {
            this.finish(buf);
            return;
          }
          break;
        }
        case State.Length: {
          const n = Math.min(this.remaining, buf.length);
          this.deliver(n === buf.length ? buf : buf.subarray(0, n));
          this.remaining -= n;
          buf = buf.subarray(n);
          if (this.remaining === 0 && this.res !== null) this.finish(buf);
          return;
        }
        case State.ChunkSize: {
          const line = this.readLine(buf, MAX_CHUNK_LINE);
          if (line === null) return;
          buf = line.rest;
          const m = /^([0-9A-Fa-f]{1,12})[\t ]*(?:;.*)?$/.exec(line.text);
          if (!m) return this.protocolError("a chunk size line is malformed");
          this.remaining = parseInt(m[1]!, 16);
          this.state = this.remaining === 0 ? State.Trailers : State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const n = Math.min(this.remaining, buf.length);
          this.deliver(n === buf.length ? buf : buf.subarray(0, n));
          this.remaining -= n;
          buf = buf.subarray(n);
          if (this.remaining === 0) this.state = State.ChunkEnd;
          break;
        }
        case State.ChunkEnd: {
          const line = this.readLine(buf, 2);
          if (line === null) return;
          if (line.text !== "") return this.protocolError("a chunk is longer than its size says");
          buf = line.rest;
          this.state = State.ChunkSize;
          break;
        }
        case State.Trailers: {
          const line = this.readLine(buf, MAX_HEAD_BYTES);
          if (line === null) return;
          buf = line.rest;
          if (line.text === "") this.finish(buf);
          break;
        }
        case State.UntilClose:
          this.deliver(buf);
          return;
        case State.Done:
          return;
      }
    }
  }

  /** Collects the head; once whole, parses it and returns the bytes after it (null: more needed). */
  private readHead(b: Buffer): Buffer | null {
    const before = this.pending === null ? 0 : this.pending.length;
    const buf = this.pending === null ? b : Buffer.concat([this.pending, b]);
    const end = buf.indexOf("\r\n\r\n", Math.max(0, before - 3), "latin1");
    if (end < 0) {
      if (buf.length > MAX_HEAD_BYTES) this.protocolError(`its head is longer than ${MAX_HEAD_BYTES} bytes`);
      else this.pending = buf;
      return null;
    }
    this.pending = null;
    if (end > MAX_HEAD_BYTES) {
      this.protocolError(`its head is longer than ${MAX_HEAD_BYTES} bytes`);
      return null;
    }
    if (!this.parseHead(buf.toString("latin1", 0, end))) return null;
    return buf.subarray(end + 4);
  }

  /** Parses a head; false where it failed (the exchange has failed too). */
  private parseHead(head: string): boolean {
    // By hand rather than split() and a regular expression a line: this runs once a request.
    let eol = head.indexOf("\r\n");
    if (eol < 0) eol = head.length;
    const m = STATUS_LINE.exec(head.slice(0, eol));
    if (!m) {
      this.protocolError("the status line is malformed");
      return false;
    }
    const status = Number(m[2]);
    const res = this.res!;
    const fields = res.fields;
    fields.clear();
    for (let pos = eol + 2; pos < head.length; ) {
      let end = head.indexOf("\r\n", pos);
      if (end < 0) end = head.length;
      const colon = head.indexOf(":", pos);
      let named = colon > pos && colon < end;
      for (let i = pos; named && i < colon; i++) {
        const c = head.charCodeAt(i);
        named = c < 128 && TOKEN_CHAR[c] === 1;
      }
      if (!named) {
        const first = head.charCodeAt(pos);
        this.protocolError(first === 32 || first === 9 ? "a header is folded over lines" : "a header line has no name");
        return false;
      }
      let from = colon + 1;
      let to = end;
      while (from < to && (head.charCodeAt(from) === 32 || head.charCodeAt(from) === 9)) from++;
      while (to > from && (head.charCodeAt(to - 1) === 32 || head.charCodeAt(to - 1) === 9)) to--;
      const key = head.slice(pos, colon).toLowerCase();
      const value = head.slice(from, to);
      const had = fields.get(key);
      fields.set(key, had === undefined ? value : `${had}, ${value}`);
      pos = end + 2;
    }
    // 1xx answers are interim (100 Continue, 103 Early Hints): the real head follows.
    if (status < 200) {
      if (status === 101) {
        this.protocolError("the server switched protocols");
        return false;
      }
      return true;
    }
    res.status = status;
    const connection = (fields.get("connection") ?? "").toLowerCase();
    this.reusable = m[1] === "1" ? !/(?:^|,)\s*close\s*(?:,|$)/.test(connection) : /(?:^|,)\s*keep-alive\s*(?:,|$)/.test(connection);
    // How long the server keeps an idle connection, where it says (`Keep-Alive: timeout=5`).
    const hint = /(?:^|[\s,;])timeout\s*=\s*(\d{1,6})/i.exec(fields.get("keep-alive") ?? "");
    this.keepAliveMs = hint ? Number(hint[1]) * 1000 : undefined;
    const te = fields.get("transfer-encoding");
    const cl = fields.get("content-length");
    if (status === 204 || status === 304) {
      this.state = State.Done;
    } else if (te !== undefined) {
      // A length beside a transfer coding is a smuggling shape: believe the coding, do not reuse.
      if (cl !== undefined) this.reusable = false;
      const codings = te.toLowerCase().split(",");
      if (codings[codings.length - 1]!.trim() === "chunked") this.state = State.ChunkSize;
      else {
        this.state = State.UntilClose;
        this.reusable = false;
      }
    } else if (cl !== undefined) {
      const values = cl.split(",").map((v) => v.trim());
      if (!values.every((v) => /^\d{1,15}$/.test(v) && v === values[0])) {
        this.protocolError("its Content-Length is not one number");
        return false;
      }
      this.remaining = Number(values[0]);
      if (this.remaining > this.pool.maxBodyBytes) {
        this.protocolError(`its Content-Length is larger than ${this.pool.maxBodyBytes} bytes`);
        return false;
      }
      this.state = this.remaining === 0 ? State.Done : State.Length;
    } else {
      this.state = State.UntilClose;
      this.reusable = false;
    }
    const resolve = this.resolveHead!;
    this.resolveHead = this.rejectHead = null;
    this.onEvent?.("headers");
    resolve(res);
    return true;
  }

  /** A CRLF-terminated line from the pending bytes and `b`, or null (kept pending) when incomplete. */
  private readLine(b: Buffer, max: number): { text: string; rest: Buffer } | null {
    const before = this.pending === null ? 0 : this.pending.length;
    const buf = this.pending === null ? b : Buffer.concat([this.pending, b]);
    const end = buf.indexOf("\r\n", Math.max(0, before - 1), "latin1");
    if (end < 0 || end > max) {
      if (end > max || buf.length > max + 1) this.protocolError("a chunk size or trailer line is too long");
      else this.pending = buf;
      return null;
    }
    this.pending = null;
    return { text: buf.toString("latin1", 0, end), rest: buf.subarray(end + 2) };
  }

  private deliver(b: Buffer): void {
    if (b.length === 0) return;
    this.bodyBytes += b.length;
    if (this.bodyBytes > this.pool.maxBodyBytes) {
      this.protocolError(`its body is larger than ${this.pool.maxBodyBytes} bytes`);
      return;
    }
    this.onEvent?.("data");
    this.res!.push(b);
  }

  /** The response is complete; `rest` is what followed it on the wire (should be nothing). */
  private finish(rest: Buffer | null): void {
    const res = this.res!;
    this.res = null;
    this.onEvent = null;
    this.state = State.Done;
    res.end();
    if (this.reusable && (rest === null || rest.length === 0) && !this.socket.destroyed) this.pool.release(this);
    else this.socket.destroy();
  }
}

export interface Http1PoolOptions {
  /** Certificate authorities trusted for https: (default: Node's, plus NODE_EXTRA_CA_CERTS). */
  ca?: string | Buffer;
  /** The largest response body read (default MAX_BODY_BYTES); a larger one fails the request. */
  maxBodyBytes?: number;
  /** The longest a connection waits idle for its next request (default 4 s; less where the server says). */
  maxIdleMs?: number;
}

/** Keep-alive connections to one endpoint, reused most recent first. */
export class Http1Pool {
  private readonly idle: Connection[] = [];
  readonly maxBodyBytes: number;
  readonly maxIdleMs: number;

  constructor(
    private readonly endpoint: Http1Endpoint,
    private readonly options: Http1PoolOptions = {},
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.maxIdleMs = options.maxIdleMs ?? 4000;
  }

  /**
   * Send `head` (the whole request, head and body) and wait for the response's head; `onEvent`
   * hears "connected" (at once on a kept-alive connection), "headers" and each "data".
   */
  request(head: string, onEvent: (e: Http1Event) => void): Http1Exchange {
    let conn = this.idle.pop();
    if (conn !== undefined) {
      const now = performance.now();
      while (conn !== undefined && (conn.socket.destroyed || now > conn.idleUntil)) {
        conn.socket.destroy();
        conn = this.idle.pop();
      }
    }
    if (conn === undefined) {
      const e = this.endpoint;
      const socket = e.secure
        ? tls.connect({
            host: e.host,
            port: e.port,
            ALPNProtocols: ["http/1.1"],
            ...(net.isIP(e.host) ? {} : { servername: e.host }),
            ...(this.options.ca === undefined ? {} : { ca: this.options.ca }),
          })
        : net.connect({ host: e.host, port: e.port });
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 1000);
      conn = new Connection(socket, this);
      socket.once(e.secure ? "secureConnect" : "connect", () => onEvent("connected"));
    } else {
      conn.socket.ref();
      onEvent("connected");
    }
    const c = conn;
    const { n, head: response } = c.send(head, onEvent);
    return { response, abort: (reason) => c.abort(n, reason) };
  }

  /** A connection whose response is complete: kept for the next request, not keeping the process alive. */
  release(conn: Connection): void {
    // Reused only well inside the server's idle timeout: a request sent as the server closes the
    // connection fails ("socket hang up") and costs a retry. A second short of what the server
    // says (as node's agent does), else the pool's own limit, under uvicorn's 5 s default.
    const ttl = conn.keepAliveMs === undefined ? this.maxIdleMs : Math.min(this.maxIdleMs, conn.keepAliveMs - 1000);
    if (ttl <= 0) {
      conn.socket.destroy();
      return;
    }
    conn.idleUntil = performance.now() + ttl;
    conn.socket.unref();
    this.idle.push(conn);
  }

  /** A connection that closed: never handed out again. */
  forget(conn: Connection): void {
    const i = this.idle.indexOf(conn);
    if (i >= 0) this.idle.splice(i, 1);
  }

  /** Closes the idle connections (those in use close when their responses end). */
  close(): void {
    for (const c of this.idle.splice(0)) c.socket.destroy();
  }
}
