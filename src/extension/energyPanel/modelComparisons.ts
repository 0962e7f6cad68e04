/**
 * "Compare models" is judged in the core (src/core/profiles/compareModels.ts) and carried by the
 * analysis (`Analysis.modelComparisons`); the panel only draws it. Re-exported under the names the
 * panel used.
 */
export {
  compareModels as buildModelComparisons,
  capabilityTradeOff,
  isOpenWeights,
  pickOpenModel,
  pickSmallerSameVendor,
  type ComparisonOptions,
  type EstimateFunction,
} from '../../core/profiles/compareModels';
