import { tuneGarbageCollector } from "../app/process/tune-gc.js";
import { main } from "./main.js";

tuneGarbageCollector();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`internal error: ${String(err)}\n`);
    process.exitCode = 70;
  },
);
