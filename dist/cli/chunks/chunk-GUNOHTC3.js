#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
