// Every subcommand, in the order `llmops --help` lists them. Adding one is a file and a line here.
import type { Command } from "./command.js";
import { compareCommand } from "./commands/compare.js";
import { dataCommand } from "./commands/data.js";
import { evalCommand } from "./commands/eval.js";
import { exportCommand } from "./commands/export.js";
import { gateCommand } from "./commands/gate.js";
import { promoteCommand, rollbackCommand } from "./commands/promote.js";
import { registryCommand } from "./commands/registry.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { runsCommand } from "./commands/runs.js";
import { serveCommand } from "./commands/serve.js";
import { statusCommand } from "./commands/status.js";
import { trainCommand } from "./commands/train.js";

export const commands: Command[] = [dataCommand, trainCommand, evalCommand, compareCommand, gateCommand, reportCommand, exportCommand, serveCommand, runCommand, statusCommand, runsCommand, registryCommand, promoteCommand, rollbackCommand];
