#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  asyncBufferFromFile,
  asyncBufferFromUrl,
  byteLengthFromUrl,
  cachedAsyncBuffer,
  flatten,
  parquetMetadata,
  parquetMetadataAsync,
  parquetQuery,
  parquetRead,
  parquetReadObjects,
  parquetScan,
  parquetSchema,
  readColumnIndex,
  readOffsetIndex,
  rowIndex,
  snappyUncompress,
  toJson
} from "./chunk-HWO73YSV.js";
import "./chunk-TQEUFEDE.js";
export {
  asyncBufferFromFile,
  asyncBufferFromUrl,
  byteLengthFromUrl,
  cachedAsyncBuffer,
  flatten,
  parquetMetadata,
  parquetMetadataAsync,
  parquetQuery,
  parquetRead,
  parquetReadObjects,
  parquetScan,
  parquetSchema,
  readColumnIndex,
  readOffsetIndex,
  rowIndex,
  snappyUncompress,
  toJson
};
