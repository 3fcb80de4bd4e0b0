// Bundles every action found by globbing actions/*/action.yml to dist/<name>/index.js, and the CLI
// to dist/cli/index.js. Output is deterministic so CI can check that dist/ is current.
import { build } from "esbuild";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const actions = (existsSync(join(root, "actions")) ? readdirSync(join(root, "actions"), { withFileTypes: true }) : [])
  .filter((d) => d.isDirectory() && existsSync(join(root, "actions", d.name, "action.yml")))
  .map((d) => d.name)
  .sort();

const entries = [...actions.map((name) => ({ name, entry: `src/actions/${name}/index.ts` })), { name: "cli", entry: "src/cli/index.ts" }];

for (const { entry } of entries) {
  if (!existsSync(join(root, entry))) {
    console.error(`build: ${entry} is missing (every actions/<name>/action.yml needs src/actions/<name>/index.ts)`);
    process.exit(1);
  }
}

rmSync(join(root, "dist"), { recursive: true, force: true });

// ESM bundles still meet CommonJS dependencies (the GitHub toolkit); give them a require.
const banner = [
  "import { createRequire as __llmopsCreateRequire } from 'node:module';",
  "const require = __llmopsCreateRequire(import.meta.url);",
].join("\n");

await Promise.all(
  entries.map(({ name, entry }) =>
    build({
      absWorkingDir: root,
      entryPoints: { index: entry },
      // The CLI loads each subcommand when it runs (src/cli/commands.ts): split it into chunks so
      // `llmops --help` reads a few kB, not the whole bundle. Actions stay one file each.
      ...(name === "cli" ? { splitting: true, chunkNames: "chunks/[name]-[hash]" } : {}),
      outdir: `dist/${name}`,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      banner: { js: name === "cli" ? `#!/usr/bin/env node\n${banner}` : banner },
      legalComments: "none",
      sourcemap: false,
      minify: false,
      logLevel: "warning",
      external: ["node-llama-cpp", "@node-llama-cpp/*"],
    }),
  ),
);
// The file-format reference (schemas/*.schema.json, docs/formats.md) from the zod schemas.
const refBundle = join(root, "node_modules", ".cache", "llmops-build", "formats-reference.mjs");
await build({ absWorkingDir: root, entryPoints: ["scripts/formats-reference.ts"], outfile: refBundle, bundle: true, platform: "node", format: "esm", logLevel: "warning" });
const { generatedReference } = await import(`${refBundle}?t=${Date.now()}`);
rmSync(join(root, "schemas"), { recursive: true, force: true });
mkdirSync(join(root, "schemas"), { recursive: true });
for (const [path, text] of generatedReference()) writeFileSync(join(root, path), text);

console.log(`build: ${entries.length} bundles (${entries.map((e) => e.name).join(", ")})`);
