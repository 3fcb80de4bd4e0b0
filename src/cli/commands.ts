// Every subcommand, in the order `llmops --help` lists them. Adding one is a file and a line here.
import type { Command } from "./command.js";
import { dataCommand } from "./commands/data.js";

export const commands: Command[] = [dataCommand];
