// Loads GitHub's own @actions/workflow-parser. The package imports its JSON schemas without import
// attributes (it expects a bundler), which Node's ESM loader refuses; so we bundle it once with
// esbuild into a temporary module and import that.
import { build } from "esbuild";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Parser = typeof import("@actions/workflow-parser") & typeof import("@actions/workflow-parser/actions/index");

let loaded: Promise<Parser> | null = null;

export function loadWorkflowParser(): Promise<Parser> {
  loaded ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "llmops-wfparser-"));
    const outfile = join(dir, "parser.mjs");
    await build({
      stdin: {
        contents: 'export * from "@actions/workflow-parser"; export { parseAction } from "@actions/workflow-parser/actions/index";',
        resolveDir: new URL("../..", import.meta.url).pathname,
        loader: "js",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "error",
    });
    return (await import(outfile)) as Parser;
  })();
  return loaded;
}
