#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/app/process/abort-on-signals.ts
async function abortOnSignals(reason, work) {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error(reason));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export {
  abortOnSignals
};
