// Names that become path segments (a suite's, a training spec's, a registry entry's): a documented
// character set, no separators, no "." or ".." and nothing that starts like an option, so a name
// can never write outside the directory it names something in.
import { z } from "zod";

export const SAFE_NAME_RULE = "1–100 characters: letters, digits, '.', '_' and '-', starting with a letter or digit, with no '..'";
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function isSafeName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes("..");
}

export const safeNameSchema = z.string().refine(isSafeName, { message: `expected a name that is safe as a path segment: ${SAFE_NAME_RULE}` });
