// Spawns the built CLI (`node scripts/build.mjs` first) on the example data and on bad inputs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const cli = join(root, "dist/cli/index.js");
const fixtures = join(root, "test/fixtures/data");
let dir: string;

function llmops(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...process.env, INIT_CWD: "", CI: "1" }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

const chat = (msgs: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ ...extra, messages: msgs });
const good = chat([{ role: "user", content: "What is 2 + 2?" }, { role: "assistant", content: "4" }]);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error("dist/cli/index.js is missing: run `node scripts/build.mjs` first");
  dir = mkdtempSync(join(tmpdir(), "llmops-data-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("llmops data validate: bad input gives a clear message and exit 1 or 2, never a crash", () => {
  it.each([
    { name: "truncated last line", file: () => write("trunc.jsonl", `${good}\n{"messages": [{"role": "us`), code: 1, want: /trunc\.jsonl:2: error \[truncated_line\]/ },
    { name: "invalid UTF-8", file: () => write("utf8.jsonl", Buffer.concat([Buffer.from(`${good}\n{"messages":[{"role":"user","content":"`), Buffer.from([0xff, 0xfe]), Buffer.from(`"}]}\n`)])), code: 1, want: /utf8\.jsonl:2: error \[invalid_utf8\] invalid UTF-8 at byte 40/ },
    { name: "a BOM (warning)", file: () => write("bom.jsonl", `\uFEFF${good}\n`), code: 0, want: /bom\.jsonl:1: warning \[bom\]/ },
    { name: "CRLF endings (warning)", file: () => write("crlf.jsonl", `${good}\r\n${good}\r\n`), code: 0, want: /crlf\.jsonl:1: warning \[crlf\].*\n[\s\S]*2 records \(chat\), 2 valid/ },
    { name: "wrong types", file: () => write("types.jsonl", `${chat([{ role: "user", content: 42 }, { role: "assistant", content: "x" }])}\n`), code: 1, want: /types\.jsonl:1: error \[wrong_type\] messages\[0\]\.content: "content" must be a string or a list of parts, got number/ },
    { name: "a missing role", file: () => write("norole.jsonl", `${chat([{ content: "hi" }, { role: "assistant", content: "x" }])}\n`), code: 1, want: /norole\.jsonl:1: error \[missing_role\] messages\[0\]\.role/ },
    { name: "an unknown role", file: () => write("role.jsonl", `${chat([{ role: "human", content: "hi" }, { role: "assistant", content: "x" }])}\n`), code: 1, want: /role\.jsonl:1: error \[unknown_role\] messages\[0\]\.role: unknown role "human"/ },
    { name: "no assistant turn", file: () => write("noasst.jsonl", `${chat([{ role: "user", content: "hi" }])}\n`), code: 1, want: /noasst\.jsonl:1: error \[no_assistant_turn\]/ },
    { name: "duplicate JSON keys", file: () => write("dupkey.jsonl", `${good}\n{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b","role":"user"}]}\n`), code: 1, want: /dupkey\.jsonl:2: error \[duplicate_key\] messages\[1\]\.role: key "role" appears twice/ },
    { name: "a corrupted Parquet footer", file: () => join(fixtures, "corrupt-footer.parquet"), code: 1, want: /corrupt-footer\.parquet: error \[invalid_parquet\] cannot read as Parquet/ },
    { name: "a null in a Parquet column", file: () => join(fixtures, "completion-null.parquet"), code: 1, want: /completion-null\.parquet \(row group 1, row 5\): error \[wrong_type\] completion/ },
    { name: "a Parquet chat record with no assistant turn", file: () => join(fixtures, "chat-nested.parquet"), code: 1, want: /chat-nested\.parquet \(row group 0, row 2\): error \[no_assistant_turn\] messages/ },
    { name: "an empty file", file: () => write("empty.jsonl", ""), code: 1, want: /empty\.jsonl: error \[empty_file\] the file is empty/ },
    { name: "a directory given as a file", file: () => dir, code: 2, want: /error: .* is a directory, not a data file\nhint: name the files/ },
    { name: "a missing file", file: () => join(dir, "nope.jsonl"), code: 2, want: /nope\.jsonl: no such file/ },
    { name: "a corrupted gzip file", file: () => write("bad.jsonl.gz", gzipSync(`${good}\n`.repeat(50)).subarray(0, 40)), code: 1, want: /bad\.jsonl\.gz:\d+: error \[read_error\] cannot read the file: .*gzip/ },
  ])("$name → exit $code", ({ file, code, want }) => {
    const r = llmops(["data", "validate", file()]);
    expect(r.out).toMatch(want);
    expect(r.out).not.toMatch(/internal error|\n\s+at /);
    expect(r.code).toBe(code);
  });

  it("a 50 MB single line is reported, not buffered", () => {
    const p = join(dir, "huge.jsonl");
    writeFileSync(p, `${good}\n{"messages":[{"role":"user","content":"${"x".repeat(50 * 1024 * 1024)}"}]}\n${good}\n`);
    const r = llmops(["data", "validate", p]);
    expect(r.out).toMatch(/huge\.jsonl:2: error \[line_too_long\] line is 52428843 bytes, over the limit of 16777216 bytes/);
    expect(r.out).toMatch(/3 records \(chat\), 2 valid, 1 invalid/);
    expect(r.code).toBe(1);
    rmSync(p);
  });

  it("--strict turns warnings into errors; --json prints the report", () => {
    const p = write("bom2.jsonl", `\uFEFF${good}\n`);
    expect(llmops(["data", "validate", "--strict", p]).code).toBe(1);
    const r = llmops(["data", "validate", "--json", p]);
    const j = JSON.parse(r.stdout) as { records: number; warningsByKind: Record<string, number> };
    expect(j.records).toBe(1);
    expect(j.warningsByKind).toEqual({ bom: 1 });
  });

  it("the error budget stops early and lists the first K", () => {
    const p = write("many.jsonl", "nope\n".repeat(500));
    const r = llmops(["data", "validate", "--max-errors", "20", "--report", "3", p]);
    expect(r.code).toBe(1);
    expect(r.out.match(/error \[invalid_json\]/g)).toHaveLength(3);
    expect(r.out).toMatch(/17 more problem\(s\) not listed/);
    expect(r.out).toMatch(/stopped after reaching --max-errors/);
  });

  it("usage errors exit 2", () => {
    expect(llmops(["data", "validate", "--format", "xml", "data/train.jsonl"]).out).toMatch(/--format must be one of auto, chat/);
    expect(llmops(["data", "frobnicate"]).code).toBe(2);
    expect(llmops(["data", "split", "--title", "x", "data/train.jsonl"]).out).toMatch(/option --title does not apply here/);
  });

  it("a user JSON Schema for other formats", () => {
    const schema = write("schema.json", JSON.stringify({ type: "object", required: ["text"], properties: { text: { type: "string", minLength: 1 } } }));
    const p = write("custom.jsonl", `{"text":"a"}\n{"text":""}\n{"txt":"b"}\n`);
    const r = llmops(["data", "validate", "--schema", schema, p]);
    expect(r.out).toMatch(/custom\.jsonl:2: error \[schema\] text: must NOT have fewer than 1 characters/);
    expect(r.out).toMatch(/custom\.jsonl:3: error \[schema\] must have required property 'text'/);
    expect(r.code).toBe(1);
  });
});

describe("llmops data on the example data", () => {
  it("validates the example data with leakage and duplicate checks", () => {
    const r = llmops(["data", "validate", "data/train.jsonl", "--eval", "data/eval/cases.jsonl", "--eval", "evals/cases/arithmetic.jsonl", "--dedupe", "near"]);
    expect(r.out).toMatch(/valid: 220 records, 220 valid, 0 invalid; 0 error\(s\), 0 warning\(s\)/);
    expect(r.code).toBe(0);
  });

  it("validates Parquet and gzip files", () => {
    const gz = write("train.jsonl.gz", gzipSync(readFileSync(join(root, "data/train.jsonl"))));
    const r = llmops(["data", "validate", join(fixtures, "completion.parquet"), gz]);
    expect(r.out).toMatch(/completion\.parquet: 10 records \(completion\), 10 valid/);
    expect(r.out).toMatch(/train\.jsonl\.gz: 220 records \(chat\), 220 valid/);
    expect(r.code).toBe(0);
  });

  it("finds leakage: an eval case copied into training data is an error", () => {
    const cases = readFileSync(join(root, "data/eval/cases.jsonl"), "utf8").split("\n");
    const c = JSON.parse(cases[3]!) as { id: string; input: string; expected: string };
    const p = write("leaky.jsonl", `${good}\n${chat([{ role: "user", content: c.input }, { role: "assistant", content: c.expected }])}\n${good}\n`);
    const r = llmops(["data", "validate", p, "--eval", "data/eval/cases.jsonl"]);
    expect(r.out).toMatch(new RegExp(`leaky\\.jsonl:2: error \\[leakage\\] exact match with eval case "${c.id}"`));
    expect(r.code).toBe(1);
    expect(llmops(["data", "validate", p, "--eval", "data/eval/cases.jsonl", "--allow-leakage"]).code).toBe(0);
    const d = llmops(["data", "dedupe", p]);
    expect(d.out).toMatch(/leaky\.jsonl:3: warning \[duplicate_exact\] exact duplicate of .*leaky\.jsonl:1/);
  });

  it("finds an eval case of the repo's suite under another template (contained)", () => {
    const p = write("templated.jsonl", `${good}\n${chat([{ role: "user", content: "What is 29 + 14?" }, { role: "assistant", content: "43" }])}\n`);
    const r = llmops(["data", "validate", p, "--eval", "evals/cases/arithmetic.jsonl"]);
    expect(r.out).toMatch(/templated\.jsonl:2: error \[leakage\] contains the words of eval case "add-001" in order/);
    expect(r.code).toBe(1);
  });

  it("clean: NFC, trim, drops empty, invalid and duplicate records", () => {
    const p = write(
      "dirty.jsonl",
      [
        chat([{ role: "user", content: "  Cafe\u0301? " }, { role: "assistant", content: "oui\n" }]),
        chat([{ role: "user", content: "q" }, { role: "assistant", content: "   " }]),
        "{broken",
        good,
        good,
      ].join("\n") + "\n",
    );
    const out = join(dir, "clean.jsonl");
    const r = llmops(["data", "clean", p, "--out", out]);
    expect(r.stdout).toMatch(/clean: 5 records in, 2 written .* \(1 changed; dropped: invalid 1, empty 1, duplicate 1\)/);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { messages: { content: string }[] });
    expect(lines[0]!.messages[0]!.content).toBe("Caf\u00e9?");
    expect(r.code).toBe(0);
  });

  it("split: adding records never moves an existing one", () => {
    const src = readFileSync(join(root, "data/train.jsonl"), "utf8");
    const first = write("first.jsonl", src.split("\n").slice(0, 150).join("\n") + "\n");
    const all = join(root, "data/train.jsonl");
    const outA = join(dir, "splitA");
    const outB = join(dir, "splitB");
    expect(llmops(["data", "split", first, "--out-dir", outA, "--ratios", "train=0.8,val=0.2"]).code).toBe(0);
    const r = llmops(["data", "split", all, "--out-dir", outB, "--ratios", "train=0.8,val=0.2"]);
    expect(r.stdout).toMatch(/split: train \d+ → .*, val \d+ →/);
    const ids = (f: string) => new Set(readFileSync(f, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id));
    const valA = ids(join(outA, "val.jsonl"));
    const valB = ids(join(outB, "val.jsonl"));
    const trainB = ids(join(outB, "train.jsonl"));
    for (const id of valA) expect(valB.has(id)).toBe(true);
    for (const id of ids(join(outA, "train.jsonl"))) expect(trainB.has(id)).toBe(true);
    expect(valB.size + trainB.size).toBe(220);
  });

  it("split --stratify gives exact ratios per stratum", () => {
    const out = join(dir, "strat");
    const r = llmops(["data", "split", "data/train.jsonl", "--out-dir", out, "--stratify", "task", "--json"]);
    const j = JSON.parse(r.stdout) as { counts: Record<string, number> };
    // add 150, reverse 60, mixed 10 → val = 15 + 6 + 1
    expect(j.counts).toEqual({ train: 198, val: 22 });
  });

  it("manifest, card and diff against another git revision", () => {
    const repo = join(dir, "repo");
    mkdirSync(join(repo, "data/eval"), { recursive: true });
    copyFileSync(join(root, "data/train.jsonl"), join(repo, "data/train.jsonl"));
    copyFileSync(join(root, "data/eval/cases.jsonl"), join(repo, "data/eval/cases.jsonl"));
    const git = (...a: string[]) => execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...a], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    const m = llmops(["data", "manifest", "data/train.jsonl", "--eval", "data/eval/cases.jsonl"], repo);
    expect(m.stdout).toMatch(/manifest: data\/data-manifest\.json \(220 records in 1 file\(s\)\)/);
    const manifest = JSON.parse(readFileSync(join(repo, "data/data-manifest.json"), "utf8")) as { files: { path: string; sha256: string; stats: { format: string } }[] };
    expect(manifest.files[0]).toMatchObject({ path: "train.jsonl", stats: { format: "chat" } });
    expect(manifest.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    git("add", "-A");
    git("commit", "-qm", "base");
    // Change the data: drop 10 records, modify one, add one.
    const lines = readFileSync(join(repo, "data/train.jsonl"), "utf8").trim().split("\n");
    const kept = lines.slice(10);
    const mod = JSON.parse(kept[0]!) as { id: string; messages: { content: string }[] };
    mod.messages[2]!.content = "changed";
    kept[0] = JSON.stringify(mod);
    kept.push(JSON.stringify({ id: "new-0001", messages: [{ role: "user", content: "What is 100 + 1?" }, { role: "assistant", content: "101" }] }));
    writeFileSync(join(repo, "data/train.jsonl"), `${kept.join("\n")}\n`);
    expect(llmops(["data", "manifest", "data/train.jsonl"], repo).code).toBe(0);
    const d = llmops(["data", "diff", "--base", "HEAD"], repo);
    expect(d.stdout).toMatch(/^\| `train\.jsonl` \| +changed \| +220 → 211 \| +1 \| +10 \| +1 \|$/m); // markdown-table pads the columns
    expect(d.stdout).toContain(`- modified (id): \`${mod.id}\``);
    expect(d.code).toBe(0);
    const j = JSON.parse(llmops(["data", "diff", "--base", "HEAD", "--json"], repo).stdout) as { files: { records: { added: number } }[] };
    expect(j.files[0]!.records.added).toBe(1);
    expect(llmops(["data", "diff", "--base", "no-such-rev"], repo)).toMatchObject({ code: 2 });

    const card = llmops(["data", "card", "data/train.jsonl", "--eval", "data/eval/cases.jsonl", "--title", "example"], repo);
    expect(card.stdout).toMatch(/^## Dataset card: example/);
    expect(card.stdout).toContain("xychart-beta");
    expect(card.stdout).toMatch(/\| assistant +\| +\d+ \|/);
    expect(card.stdout).toMatch(/None found: 211 records checked against 38 eval case\(s\)/);
  });
});
