// Pure, reusable statistics: distributions, tests, intervals, bootstrap, power. No I/O.
export { createRng, type Rng } from "./prng.js";
export { mean, variance, sd, sum, quantile, quantileSorted, sortFloat64 } from "./descriptive.js";
export { lnGamma, lnChoose, incompleteBeta, normalCdf, normalPdf, normalQuantile } from "./special.js";
export { tCdf, tPdf, tQuantile, tTwoSidedP } from "./student-t.js";
export { binomialPmf, binomialTestTwoSided, mcnemarExact, type McNemarResult } from "./binomial.js";
export { wilsonInterval, newcombePairedInterval, zFor, type PairedTable } from "./proportions.js";
export { holmAdjust, holmLevels } from "./holm.js";
export { cohenKappa, kappaBootstrap, observedAgreement, type KappaWeights } from "./kappa.js";
export { invertTest, pFromIntervals, type InversionRange } from "./invert.js";
export { tangoStatistic, pairedScoreTest, tangoInterval, type PairedScoreResult } from "./paired-score.js";
export { estimateMean, type MeanEstimate } from "./cluster-mean.js";
export { oneSampleT, tTestAt, tIntervalAt, pairedT, clusterMeans, clusteredSe, withinClusterSd, type TResult } from "./paired-t.js";
export { minimumDetectableEffect, casesNeeded, casesNeededFromSe, repeatsNeeded } from "./power.js";
export {
  bcaInterval,
  bcaIntervals,
  percentileIntervals,
  type IntervalAt,
  bootstrapCorpus,
  bootstrapMeans,
  jackknifeMeans,
  bootstrapQuantile,
  pairedBootstrapMeanDiff,
  pairedBootstrapCorpus,
  summariseDraws,
  type BootstrapSummary,
  type CorpusBootstrap,
} from "./bootstrap.js";
