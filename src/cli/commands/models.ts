/** `mvp models`: the model profiles (or, with --regions, the grid zones) the estimator knows. */
import { profileRegistryFor } from '../../core/analyse';
import { estimateRequest, listGridZones } from '../../core/energy';
import { formatTokens, formatWh } from '../../core/format';
import type { ModelProfile, NumberRange } from '../../core/profiles/modelProfile';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../cliIo';

export const modelsUsage = 'mvp models [--regions] [--format text|json]';

const range = (r: NumberRange) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

/** Central Wh per 1,000 input tokens plus the profile's typical answer: comparable across models. */
function whPer1kInput(profile: ModelProfile): number {
  return estimateRequest(profile, { inputTokens: 1000 }).energyWh.central;
}

export async function runModels(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args, {
    regions: { type: 'boolean' },
    format: { type: 'string', choices: ['text', 'json'] },
  });
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' — usage: ${modelsUsage}`);
  if (flags.regions) {
    const zones = listGridZones();
    io.stdout(
      flags.format === 'json'
        ? JSON.stringify(zones, null, 2) + '\n'
        : zones.map((z) => `${z.zone.padEnd(6)} ${z.name.padEnd(28)} ${String(Math.round(z.gCO2PerKWh)).padStart(4)} gCO2e/kWh  ${z.carbonYear}, ${z.carbonSource}`).join('\n') + '\n',
    );
    return 0;
  }
  const profiles = [...profileRegistryFor().list()].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  if (flags.format === 'json') {
    io.stdout(JSON.stringify(profiles, null, 2) + '\n');
    return 0;
  }
  const header = `${'id'.padEnd(26)} ${'provider'.padEnd(10)} ${'weights'.padEnd(7)} ${'context'.padStart(10)} ${'params (B, active)'.padEnd(20)} ${'tokens'.padEnd(13)} ${'Wh/1k in*'.padStart(10)} confidence`;
  const lines = profiles.map(
    (p) =>
      `${p.id.padEnd(26)} ${p.provider.padEnd(10)} ${p.weights.padEnd(7)} ${formatTokens(p.contextWindow).padStart(10)} ${range(p.parameters.active).padEnd(20)} ${(p.tokenizer.approximate ? '≈' + p.tokenizer.encoding : p.tokenizer.encoding).padEnd(13)} ${formatWh(whPer1kInput(p)).padStart(10)} ${p.confidence}`,
  );
  io.stdout(
    [
      header,
      ...lines,
      '',
      '* central estimate for 1,000 input tokens plus the model\'s typical answer length; ≈ = approximate tokenizer.',
      'weights: open = published under a licence that lets you run the model yourself; closed = hosted only, or a non-production licence.',
    ].join('\n') + '\n',
  );
  return 0;
}
