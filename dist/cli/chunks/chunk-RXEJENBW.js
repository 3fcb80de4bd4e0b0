#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  ExternalError
} from "./chunk-LXVW643N.js";

// src/core/ports/github-client.ts
var GitHubApiError = class extends ExternalError {
  constructor(message, status, apiMessage, options) {
    super(message, options);
    this.status = status;
    this.apiMessage = apiMessage;
  }
  status;
  apiMessage;
  name = "GitHubApiError";
  /** GitHub's answer when a token lacks a permission (fork PRs, missing `permissions:`). */
  get notAccessible() {
    return this.status === 403 && /resource not accessible|not accessible by/i.test(this.apiMessage);
  }
};

export {
  GitHubApiError
};
