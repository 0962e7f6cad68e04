import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  findBuiltinProfilesDir,
  loadBuiltinProfiles,
  loadProfilesFromDir,
} from '../../../src/core/profiles/builtinProfiles';
import { validateProfile } from '../../../src/core/profiles/validateProfile';
import type { ModelProfile } from '../../../src/core/profiles/modelProfile';
import { findGridZone } from '../../../src/core/energy/gridIntensity';

const repoRoot = path.resolve(__dirname, '../../..');
const profilesDir = path.join(repoRoot, 'model-profiles');
const schema = JSON.parse(fs.readFileSync(path.join(profilesDir, 'model-profile.schema.json'), 'utf8'));
const files = fs.readdirSync(profilesDir).filter((f) => f.endsWith('.json') && f !== 'model-profile.schema.json');
const raw = files.map((f) => ({ file: f, data: JSON.parse(fs.readFileSync(path.join(profilesDir, f), 'utf8')) as ModelProfile }));

describe('built-in model profiles', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateWithSchema = ajv.compile(schema);

  it('ships at least 30 profiles, including the two labelled defaults', () => {
    assert.ok(files.length >= 30, `only ${files.length} profiles`);
    assert.ok(files.includes('unknown-frontier.json'));
    assert.ok(files.includes('local-model.json'));
  });

  it('covers the models the product promises', () => {
    const ids = new Set(raw.map((r) => r.data.id));
    const required = [
      'gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'o3',
      'o4-mini', 'gpt-oss-20b', 'gpt-oss-120b', 'gpt-4', 'gpt-4-turbo', 'gpt-3.5-turbo', 'claude-opus-4-1',
      'claude-sonnet-4-5', 'claude-haiku-4-5', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.5-flash-lite',
      'mistral-large', 'mistral-medium', 'mistral-small', 'codestral', 'llama-3.1-8b', 'llama-3.1-70b',
      'llama-3.1-405b', 'llama-4-scout', 'llama-4-maverick', 'deepseek-v3', 'deepseek-r1', 'qwen3-235b-a22b',
      'qwen2.5-72b', 'phi-4', 'gemma-3-27b-it', 'gemma-3-12b-it', 'gemma-3-4b-it', 'gemma-3-1b-it',
    ];
    for (const id of required) assert.ok(ids.has(id), `missing profile ${id}`);
  });

  for (const { file, data } of raw) {
    describe(file, () => {
      it('validates against model-profile.schema.json (Ajv)', () => {
        const ok = validateWithSchema(data);
        assert.ok(ok, JSON.stringify(validateWithSchema.errors, null, 1));
      });

      it('passes the runtime validator too', () => {
        assert.deepEqual(validateProfile(data), []);
      });

      it('is named after its id', () => {
        assert.equal(file, `${data.id}.json`);
      });

      it('has non-empty sources with a title and an http(s) url', () => {
        assert.ok(data.sources.length > 0);
        for (const s of data.sources) {
          assert.ok(s.title.trim().length > 0, 'empty title');
          assert.match(s.url, /^https?:\/\/\S+$/);
        }
      });

      it('states how an approximate tokenizer was calibrated, and OpenAI models are exact', () => {
        if (data.tokenizer.approximate) assert.ok((data.tokenizer.calibrationMethod ?? '').length > 20);
        else assert.equal(data.tokenizer.calibrationFactor, 1);
        if (data.provider === 'openai') assert.equal(data.tokenizer.approximate, false);
      });

      it('uses a grid zone the carbon table knows', () => {
        assert.ok(findGridZone(data.dataCentre.gridZone), data.dataCentre.gridZone);
      });

      it('says whether its weights are open, and one source says why', () => {
        assert.ok(data.weights === 'open' || data.weights === 'closed', String(data.weights));
        const why = data.sources.filter((s) => s.note?.startsWith('Weights:'));
        assert.equal(why.length, 1, 'exactly one source note starting "Weights:"');
        assert.match(why[0].note!, new RegExp(`^Weights: ${data.weights} — .{20,}`));
      });

      it('labels reasoning consistently', () => {
        assert.equal(data.reasoning.isReasoning, data.reasoning.hiddenTokensPerOutputToken > 0);
      });
    });
  }

  it('open weights exactly where the licence lets you run the model yourself', () => {
    const open = raw.filter((r) => r.data.weights === 'open').map((r) => r.data.id).sort();
    assert.deepEqual(open, [
      'deepseek-r1', 'deepseek-v3', 'gemma-3-12b-it', 'gemma-3-1b-it', 'gemma-3-27b-it', 'gemma-3-4b-it', 'gpt-oss-120b', 'gpt-oss-20b', 'llama-3.1-405b', 'llama-3.1-70b', 'llama-3.1-8b',
      'llama-4-maverick', 'llama-4-scout', 'local-model', 'mistral-small', 'phi-4', 'qwen2.5-72b', 'qwen3-235b-a22b',
      'qwen3-30b-a3b',
    ]);
    // Hosted-only models (Claude, Gemini), the unknown default, and Mistral's research / non-production licences are
    // closed. Google's Gemma 3 is open: the Gemma Terms of Use allow production use (media/licences/).
    for (const { data } of raw) {
      const hostedOnly = data.provider === 'anthropic' || data.provider === 'unknown' || data.family.startsWith('gemini');
      if (hostedOnly || ['codestral', 'mistral-large', 'mistral-medium'].includes(data.id)) {
        assert.equal(data.weights, 'closed', data.id);
      }
    }
  });

  it('no alias points at two profiles', () => {
    const seen = new Map<string, string>();
    for (const { data } of raw) {
      for (const key of [data.id, ...data.aliases].map((a) => a.toLowerCase())) {
        assert.ok(!seen.has(key) || seen.get(key) === data.id, `"${key}" used by ${seen.get(key)} and ${data.id}`);
        seen.set(key, data.id);
      }
    }
  });

  it('every family with several members names exactly one family default', () => {
    const families = new Map<string, ModelProfile[]>();
    for (const { data } of raw) families.set(data.family, [...(families.get(data.family) ?? []), data]);
    for (const [family, members] of families) {
      if (members.length < 2) continue;
      assert.equal(members.filter((m) => m.familyDefault).length, 1, `family ${family}`);
    }
  });

  it('loadBuiltinProfiles returns every file, cached', () => {
    const loaded = loadBuiltinProfiles();
    assert.equal(loaded.length, files.length);
    assert.equal(loadBuiltinProfiles(), loaded);
    for (const p of loaded) assert.ok(!('$schema' in p), `${p.id} keeps the editor-only $schema key`);
  });
});

describe('findBuiltinProfilesDir', () => {
  it('finds model-profiles/ from the TypeScript sources', () => {
    assert.equal(findBuiltinProfilesDir(path.join(repoRoot, 'src/core/profiles')), profilesDir);
  });

  it('finds model-profiles/ from a bundle folder (dist/) of an installed package', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mvp-profiles-'));
    try {
      fs.mkdirSync(path.join(root, 'model-profiles'));
      fs.writeFileSync(path.join(root, 'model-profiles', 'model-profile.schema.json'), '{}');
      fs.mkdirSync(path.join(root, 'dist'));
      assert.equal(findBuiltinProfilesDir(path.join(root, 'dist')), path.join(root, 'model-profiles'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('returns undefined when no ancestor has the folder', () => {
    assert.equal(findBuiltinProfilesDir(path.parse(os.tmpdir()).root), undefined);
  });
});

describe('loadProfilesFromDir', () => {
  it('reports broken files by name and field, keeps the good ones, never throws', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mvp-profiles-'));
    try {
      const good = raw.find((r) => r.data.id === 'gpt-4o')!.data;
      fs.writeFileSync(path.join(dir, 'gpt-4o.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
      fs.writeFileSync(path.join(dir, 'renamed.json'), JSON.stringify(good));
      fs.writeFileSync(path.join(dir, 'bad-field.json'), JSON.stringify({ ...good, id: 'bad-field', contextWindow: -5 }));
      const { weights: _weights, ...noWeights } = good;
      fs.writeFileSync(path.join(dir, 'no-weights.json'), JSON.stringify({ ...noWeights, id: 'no-weights' }));
      fs.writeFileSync(path.join(dir, 'bad-weights.json'), JSON.stringify({ ...good, id: 'bad-weights', weights: 'public' }));
      const { profiles, problems } = loadProfilesFromDir(dir);
      assert.deepEqual(profiles.map((p) => p.id), ['gpt-4o']);
      assert.equal(problems.length, 5);
      assert.ok(problems.some((p) => p.includes('no-weights.json: weights is required: "open"')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('bad-weights.json: weights must be "open"') && p.includes('not "public"')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('broken.json') && p.includes('not valid JSON')));
      assert.ok(problems.some((p) => p.includes('renamed.json') && p.includes('does not match the file name')));
      assert.ok(problems.some((p) => p.includes('bad-field.json') && p.includes('contextWindow must be at least 1')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreadable folder instead of throwing', () => {
    const { profiles, problems } = loadProfilesFromDir(path.join(os.tmpdir(), 'mvp-no-such-folder-' + process.pid));
    assert.equal(profiles.length, 0);
    assert.match(problems[0], /cannot read the profiles folder/);
  });
});
