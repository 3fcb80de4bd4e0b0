export { parseYamlSource, type SourcedDocument, type PathSegment, type Position } from "./yaml-source.js";
export { validateConfig, collectIssues, formatPath, knownKeysAt, type ConfigIssue } from "./validate.js";
export { closest, didYouMean, editDistance } from "./suggest.js";
