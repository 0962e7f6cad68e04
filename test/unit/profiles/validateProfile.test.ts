import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { validateProfile } from '../../../src/core/profiles/validateProfile';

const profilesDir = path.resolve(__dirname, '../../../model-profiles');
const base = JSON.parse(fs.readFileSync(path.join(profilesDir, 'llama-3.1-70b.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(profilesDir, 'model-profile.schema.json'), 'utf8'));
const ajvValidate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function withChange(change: (p: any) => void): any {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

/** Each broken profile, the path the runtime validator must blame, and whether the JSON Schema also rejects it. */
const cases: { name: string; change: (p: any) => void; path: string; schemaRejects: boolean }[] = [
  { name: 'missing id', change: (p) => delete p.id, path: 'id', schemaRejects: true },
  { name: 'upper-case id', change: (p) => (p.id = 'GPT-X'), path: 'id', schemaRejects: true },
  { name: 'unknown field', change: (p) => (p.contextWindw = 5), path: 'contextWindw', schemaRejects: true },
  { name: 'unknown encoding', change: (p) => (p.tokenizer.encoding = 'p50k_base'), path: 'tokenizer.encoding', schemaRejects: true },
  { name: 'approximate without method', change: (p) => ((p.tokenizer.approximate = true), delete p.tokenizer.calibrationMethod), path: 'tokenizer.calibrationMethod', schemaRejects: true },
  { name: 'negative parameters', change: (p) => (p.parameters.total.min = -1), path: 'parameters.total.min', schemaRejects: true },
  { name: 'PUE below 1', change: (p) => (p.dataCentre.pue.min = 0.9), path: 'dataCentre.pue.min', schemaRejects: true },
  { name: 'empty sources', change: (p) => (p.sources = []), path: 'sources', schemaRejects: true },
  { name: 'source without url', change: (p) => delete p.sources[0].url, path: 'sources[0].url', schemaRejects: true },
  { name: 'source with a non-http url', change: (p) => (p.sources[0].url = 'see paper'), path: 'sources[0].url', schemaRejects: true },
  { name: 'blank source title', change: (p) => (p.sources[0].title = '  '), path: 'sources[0].title', schemaRejects: true },
  { name: 'bad confidence', change: (p) => (p.confidence = 'sure'), path: 'confidence', schemaRejects: true },
  { name: 'missing weights', change: (p) => delete p.weights, path: 'weights', schemaRejects: true },
  { name: 'weights neither open nor closed', change: (p) => (p.weights = 'partly'), path: 'weights', schemaRejects: true },
  { name: 'weights as a boolean', change: (p) => (p.weights = true), path: 'weights', schemaRejects: true },
  { name: 'fractional context window', change: (p) => (p.contextWindow = 1.5), path: 'contextWindow', schemaRejects: true },
  { name: 'fractional attention width', change: (p) => (p.attentionDim = 8192.5), path: 'attentionDim', schemaRejects: true },
  { name: 'unknown accelerator', change: (p) => (p.accelerator = 'fpga'), path: 'accelerator', schemaRejects: true },
  { name: 'serving precision above 16 bits', change: (p) => (p.servingPrecisionBits = 32), path: 'servingPrecisionBits', schemaRejects: true },
  { name: 'serving precision as text', change: (p) => (p.servingPrecisionBits = 'fp8'), path: 'servingPrecisionBits', schemaRejects: true },
  // Checks a JSON Schema cannot express:
  { name: 'min above max', change: (p) => (p.parameters.total = { min: 80, max: 70 }), path: 'parameters.total', schemaRejects: false },
  { name: 'dense with active ≠ total', change: (p) => (p.parameters.active = { min: 10, max: 10 }), path: 'parameters.active', schemaRejects: false },
  { name: 'layers without modelDim', change: (p) => delete p.modelDim, path: 'layers', schemaRejects: false },
  { name: 'attention width without a shape', change: (p) => ((p.attentionDim = 8192), delete p.layers, delete p.modelDim), path: 'attentionDim', schemaRejects: false },
];

describe('validateProfile', () => {
  it('accepts a valid profile', () => {
    assert.deepEqual(validateProfile(base), []);
  });

  for (const c of cases) {
    it(`rejects ${c.name}, naming ${c.path}`, () => {
      const broken = withChange(c.change);
      const problems = validateProfile(broken);
      assert.ok(problems.some((p) => p.path === c.path), JSON.stringify(problems));
      assert.equal(!ajvValidate(broken), c.schemaRejects, 'JSON Schema and runtime validator disagree');
    });
  }

  it('says what the two weights values mean when one is missing or wrong', () => {
    const missing = validateProfile(withChange((p) => delete p.weights));
    assert.deepEqual(missing.map((p) => p.path), ['weights']);
    assert.match(missing[0].message, /^is required: "open" \(.*licence.*\) or "closed" \(.*\)$/);
    const wrong = validateProfile(withChange((p) => (p.weights = 'Open')));
    assert.match(wrong[0].message, /^must be "open" .* or "closed" .*, not "Open"$/);
  });

  it('gives each problem as path segments too', () => {
    const problems = validateProfile(withChange((p) => (p.sources[1].url = 'nope')));
    assert.deepEqual(problems.map((p) => p.segments), [['sources', 1, 'url']]);
  });

  it('rejects non-objects without throwing', () => {
    for (const v of [null, 42, 'gpt-4o', [], undefined]) {
      assert.deepEqual(validateProfile(v), [{ path: '', segments: [], message: 'must be an object' }]);
    }
  });

  it('accepts a self-hosted profile with measured energy', () => {
    const p = withChange((x) => {
      x.id = 'our-llama';
      x.confidence = 'measured';
      x.measuredEnergy = { whPerInputToken: 0.00005, whPerOutputToken: 0.0004, note: 'metered on our 4×H100 node, June 2025' };
    });
    assert.deepEqual(validateProfile(p), []);
    assert.ok(ajvValidate(p));
  });
});
