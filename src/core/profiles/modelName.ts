/**
 * Normalising the model names people type or tools record ("openai/gpt-4o-2024-08-06",
 * "anthropic.claude-3-5-sonnet-20240620-v1:0", "models/gemini-2.5-flash", "Llama3.1:70b") so
 * they can be matched to profile ids and families.
 */

/** Hosting or vendor prefixes in front of a model name: "openai/", "anthropic.", "us.anthropic.", "models/". */
const VENDOR_PREFIX =
  /^(?:(?:us|eu|apac|global)\.)?(?:openai|anthropic|google|vertex_ai|vertex|gemini|mistralai|mistral|meta-llama|meta|deepseek-ai|deepseek|qwen|alibaba|microsoft|azure|azure_ai|bedrock|openrouter|together_ai|together|groq|fireworks|ollama|models|accounts\/fireworks\/models)[/.:]/;

/** Lower case, vendor prefixes removed, separators unified. */
export function normaliseModelName(name: string): string {
  let n = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  for (let guard = 0; guard < 4; guard++) {
    const stripped = n.replace(VENDOR_PREFIX, '');
    if (stripped === n) break;
    n = stripped;
  }
  // Ollama tags ("llama3.1:70b") use ":" before the size; Bedrock uses ":0" after a version.
  return n.replace(/:(\d+)$/, '').replace(/:/g, '-');
}

/** Suffixes that name a snapshot or packaging of the same model, removed one at a time. */
const SNAPSHOT_SUFFIXES: RegExp[] = [
  /-v\d+(?:\.\d+)?$/, // Bedrock "-v1"
  /-\d{4}-\d{2}-\d{2}$/, // "-2024-08-06"
  /-\d{8}$/, // "-20241022"
  /-(?:preview|exp)(?:-\d{2}-\d{2,4})?$/, // "-preview-05-20", "-exp"
  /-\d{2}-\d{2}$/, // "-05-20" left after a preview tag
  /-\d{4}$/, // "-0613", "-2411"
  /-latest$/,
  /-(?:instruct|chat|it|hf|fp8|awq|gguf|q4_k_m|q4|q8)$/,
];

/** The name and every shorter form obtained by removing snapshot suffixes, longest first. */
export function nameCandidates(name: string): string[] {
  const out: string[] = [];
  let current = normaliseModelName(name);
  out.push(current);
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SNAPSHOT_SUFFIXES) {
      const next = current.replace(suffix, '');
      if (next !== current && next.length > 0) {
        current = next;
        out.push(current);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Tokens of a name for family matching: split on separators and at letter→digit boundaries
 * ("llama3" → llama, 3; "qwen2.5" → qwen, 2, 5) but not digit→letter ("4o", "70b" stay whole).
 */
export function nameTokens(name: string): string[] {
  return normaliseModelName(name)
    .replace(/([a-z])(\d)/g, '$1-$2')
    .split(/[-./:]+/)
    .filter((t) => t.length > 0);
}
