// The name of the environment variable holding a model API's key: the suite's target and every
// judge or embedding target use the same rule, since the suite also picks where the key is sent.
import { z } from "zod";

export const apiKeyEnvSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an environment variable name such as OPENAI_API_KEY")
  // The suite picks base_url too: naming the runner's own tokens would send them to any server.
  .refine((n) => !/^(GITHUB_|ACTIONS_|RUNNER_)/i.test(n), { message: "may not name a GITHUB_*, ACTIONS_* or RUNNER_* variable: those hold the workflow's own tokens; put the model's key in a variable of its own (e.g. OPENAI_API_KEY)" });
