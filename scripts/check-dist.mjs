// Fails when dist/ (or the generated format reference: schemas/, docs/formats.md; or the inputs
// blocks of actions/*/action.yml, generated from src/core/options/) differs from what
// the build produces: `git status --porcelain` also catches new and deleted files, which a plain
// diff misses.
import { execFileSync } from "node:child_process";

const out = execFileSync("git", ["status", "--porcelain", "--", "dist", "schemas", "docs/formats.md", "actions"], { encoding: "utf8" });
if (out.trim() !== "") {
  console.error("dist/, schemas/, docs/formats.md or actions/*/action.yml is not what the build produces. Run `npm run build` and commit them:\n" + out);
  process.exit(1);
}
console.log("dist/, schemas/, docs/formats.md and actions/*/action.yml are current");
