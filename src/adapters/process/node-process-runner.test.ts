import { describe, expect, it } from "vitest";
import { ExternalError } from "../../errors.js";
import { NodeProcessRunner } from "./node-process-runner.js";

const node = process.execPath;

describe("NodeProcessRunner", () => {
  const runner = new NodeProcessRunner();

  it("streams stdout and stderr lines and reports the exit code", async () => {
    const p = runner.start({ program: node, args: ["-e", "console.log('a'); console.error('b'); process.stdout.write('c\\nd'); process.exit(3)"] });
    const seen: string[] = [];
    p.onLine((line, stream) => seen.push(`${stream}:${line}`));
    expect(await p.exit).toEqual({ code: 3, signal: null });
    expect(seen.filter((s) => s.startsWith("stdout"))).toEqual(["stdout:a", "stdout:c", "stdout:d"]);
    expect(seen).toContain("stderr:b");
  });

  it("passes arguments verbatim, never through a shell", async () => {
    const p = runner.start({ program: node, args: ["-e", "console.log(JSON.stringify(process.argv.slice(1)))", "$(echo hi)", "a b; c"] });
    const lines: string[] = [];
    p.onLine((l) => lines.push(l));
    await p.exit;
    expect(JSON.parse(lines[0]!)).toEqual(["$(echo hi)", "a b; c"]);
  });

  it("terminate sends SIGTERM, which the child can handle before exiting", async () => {
    const p = runner.start({ program: node, args: ["-e", "process.on('SIGTERM', () => { console.log('saving'); process.exit(143); }); console.log('ready'); setInterval(() => {}, 1000);"] });
    const lines: string[] = [];
    p.onLine((l) => {
      lines.push(l);
      if (l === "ready") p.terminate();
    });
    expect(await p.exit).toEqual({ code: 143, signal: null });
    expect(lines).toEqual(["ready", "saving"]);
  });

  it("kill sends SIGKILL", async () => {
    const p = runner.start({ program: node, args: ["-e", "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);"] });
    p.onLine((l) => l === "ready" && p.kill());
    expect(await p.exit).toEqual({ code: null, signal: "SIGKILL" });
  });

  it("rejects with an ExternalError when the program is missing; capture reports notFound", async () => {
    await expect(runner.start({ program: "/nonexistent/trainer", args: [] }).exit).rejects.toBeInstanceOf(ExternalError);
    expect(await runner.capture({ program: "/nonexistent/trainer", args: [] })).toMatchObject({ notFound: true, code: null });
    expect(await runner.capture({ program: node, args: ["-e", "console.log(42)"] })).toEqual({ code: 0, stdout: "42\n", stderr: "", notFound: false });
  });
});
