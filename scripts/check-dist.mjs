// Fails when dist/ differs from what the build produces: `git status --porcelain dist` also
// catches new and deleted files, which a plain diff misses.
import { execFileSync } from "node:child_process";

const out = execFileSync("git", ["status", "--porcelain", "--", "dist"], { encoding: "utf8" });
if (out.trim() !== "") {
  console.error("dist/ is not what the build produces. Run `npm run build` and commit dist/:\n" + out);
  process.exit(1);
}
console.log("dist/ is current");
