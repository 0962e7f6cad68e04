/** `mvp estimate`: the energy, carbon and water of one request described by its token counts. */
import { profileRegistryFor } from '../../core/analyse';
import { estimateRequest } from '../../core/energy';
import { findGridZone } from '../../core/energy';
import { formatGrams, formatMl, formatRange, formatTokens, formatWh } from '../../core/format';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';

export const estimateUsage = 'mvp estimate --model ID --input N [--cached N] [--output N] [--region ZONE] [--format text|json]';

export async function runEstimate(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    model: { type: 'string', short: 'm' },
    input: { type: 'number' },
    cached: { type: 'number' },
    output: { type: 'number' },
    region: { type: 'string' },
    format: { type: 'string', choices: ['text', 'json'] },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' — usage: ${estimateUsage}`);
  if (flags.model === undefined) throw new UsageError(`--model is required — usage: ${estimateUsage}`);
  if (flags.input === undefined) throw new UsageError(`--input is required — usage: ${estimateUsage}`);
  const input = Math.round(flags.input as number);
  const cached = Math.round((flags.cached as number | undefined) ?? 0);
  if (cached > input) throw new UsageError(`--cached (${cached}) cannot exceed --input (${input}); --input counts all input tokens, cached included`);
  const region = flags.region as string | undefined;
  if (region && !findGridZone(region)) throw new UsageError(`unknown --region '${region}'; run 'mvp models --regions' for the list`);
  const resolved = profileRegistryFor().resolve(flags.model as string);
  const e = estimateRequest(
    resolved.profile,
    { inputTokens: input, cachedInputTokens: cached, outputTokens: flags.output as number | undefined, region },
    resolved.resolvedBy,
  );
  if (flags.format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          model: { id: resolved.profile.id, requested: flags.model, resolvedBy: resolved.resolvedBy },
          tokens: e.tokens,
          energy: { wh: e.energyWh, ecologitsWh: e.ecologitsWh, breakdown: e.breakdown },
          carbon: { g: e.carbonG, embodiedG: e.embodiedCarbonG, grid: e.grid, sciGPer1kTokens: e.sciGPer1kTokens },
          water: { ml: e.waterMl, boundary: e.waterBoundary },
          method: { version: e.methodVersion, formula: e.formula, assumptions: e.assumptions },
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  const lines = [
    `${resolved.profile.name} (${resolved.profile.id}, ${resolved.resolvedBy} match for "${flags.model}")`,
    `Tokens: ${formatTokens(e.tokens.input)} uncached input, ${formatTokens(e.tokens.cachedInput)} cached input, ${formatTokens(e.tokens.output)} output` +
      (e.tokens.reasoning ? `, ${formatTokens(e.tokens.reasoning)} hidden reasoning` : ''),
    `Energy:  ${formatRange(e.energyWh, formatWh)}`,
    `Carbon:  ${formatRange(e.carbonG, formatGrams)} CO2e (location-based: grid ${e.grid.zone}, ${Math.round(e.grid.gCO2PerKWh)} g/kWh in ${e.grid.year})`,
    `Water:   ${formatRange(e.waterMl, formatMl)} (${e.waterBoundary})`,
    `SCI:     ${formatRange(e.sciGPer1kTokens, formatGrams)} CO2e per 1,000 tokens`,
    `EcoLogits method (output tokens only): ${formatRange(e.ecologitsWh, formatWh)}`,
    `Method:  ${e.methodVersion}`,
    `Formula: ${e.formula}`,
    'Assumptions:',
    ...e.assumptions.map((a) => `  - ${a}`),
  ];
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
