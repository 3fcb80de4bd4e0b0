// Every subcommand, in the order `llmops --help` lists them. Adding one is a file and a line here.
import type { Command } from "./command.js";
import { compareCommand } from "./compare.js";
import { gateCommand } from "./gate.js";

export const commands: Command[] = [compareCommand, gateCommand];
