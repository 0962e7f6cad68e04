/**
 * The energy, carbon and water of one recorded request, from the shared estimator
 * (src/core/energy), and its list-price cost from the model's profile. Logs record every output
 * token the model produced, hidden reasoning included, so the estimator's assumption of extra
 * hidden reasoning tokens for reasoning models is switched off here: nothing is counted twice.
 */
import { createHash } from 'node:crypto';
import { estimateRequest, METHOD_VERSION } from '../energy';
import type { ModelProfile, ResolutionStep } from '../profiles/modelProfile';
import type { ProfileRegistry } from '../profiles/profileRegistry';
import type { TokenCounts } from './usageRecord';

/** Wh, gCO2e and mL, each low / central / high: 9 numbers, in that order. */
export type FootprintVector = [number, number, number, number, number, number, number, number, number];

export interface ResolvedModel {
  profile: ModelProfile;
  resolvedBy: ResolutionStep;
  /** The profile with the estimator's hidden-reasoning assumption off (see above). */
  recordedProfile: ModelProfile;
}

export class FootprintCalculator {
  private readonly resolved = new Map<string, ResolvedModel>();
  /** Identifies the method, the profiles and the region: cached footprints are valid while it is unchanged. */
  readonly key: string;

  constructor(
    private readonly registry: ProfileRegistry,
    private readonly region?: string,
  ) {
    const profiles = JSON.stringify(registry.list());
    this.key = createHash('sha256').update(`${METHOD_VERSION}\0${region ?? ''}\0${profiles}`).digest('hex').slice(0, 16);
  }

  model(name: string): ResolvedModel {
    let found = this.resolved.get(name);
    if (!found) {
      const { profile, resolvedBy } = this.registry.resolve(name);
      const recordedProfile: ModelProfile = profile.reasoning.isReasoning
        ? { ...profile, reasoning: { isReasoning: false, hiddenTokensPerOutputToken: 0 } }
        : profile;
      found = { profile, resolvedBy, recordedProfile };
      this.resolved.set(name, found);
    }
    return found;
  }

  footprint(model: string, tokens: TokenCounts): FootprintVector {
    const { recordedProfile } = this.model(model);
    const e = estimateRequest(recordedProfile, {
      inputTokens: tokens.input + tokens.cacheCreation + tokens.cacheRead,
      cachedInputTokens: tokens.cacheRead,
      outputTokens: tokens.output,
      region: this.region,
    });
    return [
      e.energyWh.low, e.energyWh.central, e.energyWh.high,
      e.carbonG.low, e.carbonG.central, e.carbonG.high,
      e.waterMl.low, e.waterMl.central, e.waterMl.high,
    ];
  }

  /**
   * List-price cost in USD, or undefined when the model has no price of its own: a name matched
   * only by family (a newer model, e.g. "claude-opus-5-5" estimated with Opus 4.5's profile) is not
   * priced with another model's price list.
   */
  cost(model: string, tokens: TokenCounts): number | undefined {
    const { profile, resolvedBy } = this.model(model);
    const price = profile.pricing;
    if (!price || resolvedBy === 'default' || resolvedBy === 'family') return undefined;
    return (
      (tokens.input * price.inputPerMTok +
        tokens.cacheCreation * (price.cacheWritePerMTok ?? price.inputPerMTok) +
        tokens.cacheRead * price.cacheReadPerMTok +
        tokens.output * price.outputPerMTok) /
      1e6
    );
  }
}
