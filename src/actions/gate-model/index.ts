import { runAction } from "../runtime/run.js";
import { main } from "./main.js";

void runAction(main);
