// The workflow run's event payload: the JSON file GITHUB_EVENT_PATH names.
import { readFile } from "node:fs/promises";
import { DataInvalidError } from "../../errors.js";

/** Read and parse the event payload; an unreadable or malformed file is a DataInvalidError naming it. */
export async function readEventPayload(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new DataInvalidError(`cannot read the event payload ${path}: ${(err as Error).message}`);
  }
}
