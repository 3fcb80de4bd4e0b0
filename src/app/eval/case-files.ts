// Reading a case file as a stream, each call a fresh pass: JSONL (and .jsonl.gz, inflated as it is
// read) a chunk and a line at a time, Parquet a row group at a time (hyparquet, loaded only when a
// Parquet file is read). Memory holds one chunk or one row group, whatever the file's size.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { extname } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { parseCaseLine, toCase, type EvalCase } from "../../core/eval/cases.js";
import { ConfigError } from "../../errors.js";

/** A plain (not gzipped) JSONL case file: one case at most a line, so its line count bounds its cases. */
export function isPlainJsonl(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json");
}

/** A reader of the file's cases in order, or a ConfigError for an unsupported type. */
export function caseFileReader(path: string, shown: string): () => AsyncIterable<EvalCase> {
  const lower = path.toLowerCase();
  if (lower.endsWith(".parquet")) return () => parquetCases(path, shown);
  if (lower.endsWith(".gz")) return () => jsonlCases(path, shown, true);
  if (isPlainJsonl(path)) return () => jsonlCases(path, shown, false);
  throw new ConfigError(`${shown}: unsupported cases file type "${extname(path)}"`, { hint: "use .jsonl, .jsonl.gz or .parquet" });
}

async function* jsonlCases(path: string, shown: string, gzip: boolean): AsyncIterable<EvalCase> {
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const source = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on("error", (err) => source.destroy(err));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let lineNo = 0;
  try {
    for await (const chunk of source) {
      const parts = (rest + decoder.write(chunk as Buffer)).split("\n");
      rest = parts.pop()!;
      for (const line of parts) {
        const c = parseCaseLine(line, shown, ++lineNo);
        if (c) yield c;
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(gzip ? `${shown}: not valid gzip: ${why}` : `${shown}: could not be read: ${why}`);
  } finally {
    source.destroy();
    file.destroy();
  }
  rest += decoder.end();
  const c = parseCaseLine(rest, shown, ++lineNo);
  if (c) yield c;
}

async function* parquetCases(path: string, shown: string): AsyncIterable<EvalCase> {
  const { parquetMetadataAsync, parquetReadObjects } = await import("hyparquet");
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    // hyparquet asks for byte ranges (the footer, then each column chunk it needs).
    const file = {
      byteLength: size,
      async slice(start: number, end?: number): Promise<ArrayBuffer> {
        const stop = Math.min(end ?? size, size);
        const buf = Buffer.alloc(Math.max(0, stop - start));
        await fh.read(buf, 0, buf.length, start);
        return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
      },
    };
    const fail = (err: unknown): never => {
      throw new ConfigError(`${shown}: not a readable Parquet file: ${err instanceof Error ? err.message : String(err)}`);
    };
    const metadata = await parquetMetadataAsync(file).catch(fail);
    let row = 0;
    for (const group of metadata.row_groups) {
      const n = Number(group.num_rows);
      const rows = (await parquetReadObjects({ file, metadata, rowStart: row, rowEnd: row + n }).catch(fail)) as Record<string, unknown>[];
      for (let i = 0; i < rows.length; i++) yield parquetCase(rows[i]!, `${shown} row ${row + i}`);
      row += n;
    }
  } finally {
    await fh.close();
  }
}

function parquetCase(row: Record<string, unknown>, where: string): EvalCase {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (v !== null && v !== undefined) o[k] = typeof v === "bigint" ? Number(v) : v;
  if (typeof o.vars === "string") o.vars = safeJson(o.vars, where);
  if (typeof o.expected === "string" && /^[[{]/.test(o.expected)) o.expected = safeJson(o.expected, where, o.expected);
  return toCase(o, where);
}

function safeJson(s: string, where: string, fallback?: unknown): unknown {
  try {
    return JSON.parse(s);
  } catch {
    if (fallback !== undefined) return fallback;
    throw new ConfigError(`${where}: "vars" is a string that is not JSON`);
  }
}
