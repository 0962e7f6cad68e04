/** The shared energy model: one estimator, its constants, grid factors and equivalences. */
export type { Estimate3, EnergyBreakdown, RequestEstimate, RequestInput, RequestTokens } from './estimate';
export { estimateRequest, ecologitsWh, requestTokens, inputContextFactor, outputContextFactor, attentionCrossoverTokens, pickBound } from './estimator';
export { METHOD_VERSION, SERVING_EFFICIENCY, INPUT_TOKEN_RATIO, CACHE_READ_SHARE_OF_INPUT, DEFAULT_ATTENTION_CROSSOVER_TOKENS, TPU_SERVING_FACTOR } from './calibration';
export { ECOLOGITS_PROVIDERS, ecologitsProviderFor, type EcologitsProvider } from './ecologitsProviders';
export { ecologitsRequest, gpuCount, gpuEnergyPerTokenWh, latencyPerTokenS, type EcologitsRequest, type EcologitsResult } from './ecologits';
export { findGridZone, gridZoneOrWorld, listGridZones, GRID_CARBON_SOURCE, GRID_CARBON_YEAR, GRID_WATER_SOURCE, type GridZone } from './gridIntensity';
export { addEstimates, subtractEstimates, scaleEstimate, sumEstimates, zeroEstimate, mapBounds } from './estimate3';
export { equivalence, equivalences, EQUIVALENCE_DEVICES, type Equivalence, type EquivalenceDevice } from './equivalences';
