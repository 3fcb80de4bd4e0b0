#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  ExternalError
} from "./chunk-LXVW643N.js";

// src/core/ports/clock.ts
var systemClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  })
};

// src/core/ports/provider.ts
var ProviderError = class extends ExternalError {
  constructor(message, failure, opts) {
    super(message, opts.hint === void 0 ? void 0 : { hint: opts.hint });
    this.failure = failure;
    this.opts = opts;
  }
  failure;
  opts;
  name = "ProviderError";
  get retryable() {
    return this.opts.retryable;
  }
  get fatal() {
    return this.opts.fatal ?? false;
  }
  get status() {
    return this.opts.status;
  }
};

export {
  systemClock,
  ProviderError
};
