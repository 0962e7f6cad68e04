// Builds test/fixtures/real-world/ from bare git mirrors of public repositories (fetched with the
// search tool's `fetch`; no network access here). Each file is taken verbatim from a recorded commit
// and listed in manifest.json with its source repository, commit, upstream path and licence.
// Re-run: node bench/precision/buildCorpus.mjs /work/.mirror   (deterministic: same mirrors → same corpus)
//
// Where a repository keeps prompt files under names no agent reads (a subagent collection's
// `categories/…/x.md`), the file is placed where the agent looks for it (`.claude/agents/x.md`), so
// the linter's file-kind detection sees it as a user's repository would; `path` keeps the upstream name.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mirrors = process.argv[2] ?? '/work/.mirror';
const here = path.dirname(fileURLToPath(import.meta.url));
const outRoot = path.resolve(here, '../../test/fixtures/real-world');

/** Largest single file taken (bytes): the corpus stays a few MB; bigger files are listed as skipped. */
const MAX_FILE_BYTES = 80_000;
/** Companion files of a skill (references, scripts) are smaller still: most are read only when the agent opens them. */
const MAX_COMPANION_BYTES = 16_000;
const TEXT_EXTENSIONS = /\.(md|txt|py|js|mjs|ts|sh|ps1|json|ya?ml|html|css|csv|xml|toml|ini|sql|rb|go|java|cs)$/i;

const sources = [
  {
    repo: 'github/awesome-copilot',
    mirror: 'github+awesome-copilot',
    commit: 'ab7544d03d4c49fdd07f5958e1888ad39c4118e2',
    licence: 'MIT',
    select: (paths) => [
      ...everyNth(
        paths.filter((p) => /^agents\/[^/]+\.agent\.md$/.test(p)),
        3,
      ),
      ...everyNth(
        paths.filter((p) => /^instructions\/[^/]+\.instructions\.md$/.test(p)),
        3,
      ),
      // The repository files the instruction files link to (a healthy repository has them).
      ...[
        'AGENTS.md',
        '.github/copilot-instructions.md',
        'CONTRIBUTING.md',
        'CODE_OF_CONDUCT.md',
        'SECURITY.md',
        'SUPPORT.md',
        'LICENSE',
      ],
    ],
    skillFolders: (paths) => everyNth(skillFolders(paths, /^skills\/[^/]+\/SKILL\.md$/), 6),
  },
  {
    // The prompt files (requests) were moved out of this repository later; this is the last commit with them.
    repo: 'github/awesome-copilot',
    mirror: 'github+awesome-copilot',
    commit: '09de71d5ebe5f0c8a6e2853589628357527ad366',
    licence: 'MIT',
    select: (paths) =>
      everyNth(
        paths.filter((p) => /^prompts\/[^/]+\.prompt\.md$/.test(p)),
        1,
      ).slice(0, 100),
    localPrefix: 'github__awesome-copilot@09de71d',
  },
  {
    repo: 'anthropics/skills',
    mirror: 'anthropics+skills',
    commit: '9d2f1ae187231d8199c64b5b762e1bdf2244733d',
    // Only the skills whose own LICENSE.txt is Apache 2.0 (docx, pdf, pptx, xlsx are source-available, not taken).
    licence: 'Apache-2.0',
    select: () => [],
    skillFolders: (paths, show) =>
      skillFolders(paths, /^skills\/[^/]+\/SKILL\.md$/).filter((dir) =>
        /Apache License/.test(show(`${dir}/LICENSE.txt`) ?? ''),
      ),
  },
  {
    repo: 'VoltAgent/awesome-claude-code-subagents',
    mirror: 'VoltAgent+awesome-claude-code-subagents',
    commit: 'c9e51ec0b3d43f5dcdd0b558a6cd28ba6ada97c1',
    licence: 'MIT',
    select: (paths) =>
      everyNth(
        paths.filter((p) => /^categories\/[^/]+\/[^/]+\.md$/.test(p) && !/README\.md$/.test(p)),
        2,
      ),
    place: (p) => `.claude/agents/${path.basename(p)}`,
  },
  {
    repo: 'github/spec-kit',
    mirror: 'github+spec-kit',
    commit: '27f50f7e6b618ea14d74dd4037f9e7c60218b16c',
    licence: 'MIT',
    select: (paths) => paths.filter((p) => /^templates\/commands\/[^/]+\.md$/.test(p)),
    // What `specify init --ai copilot` installs: the commands as prompt files.
    place: (p) => `.github/prompts/speckit.${path.basename(p, '.md')}.prompt.md`,
  },
];

function everyNth(list, n) {
  return [...list].sort().filter((_, i) => i % n === 0);
}

function skillFolders(paths, skillFile) {
  return paths
    .filter((p) => skillFile.test(p))
    .map((p) => path.posix.dirname(p))
    .sort();
}

const manifest = {
  description:
    'Real-world prompt, instruction, agent and skill files for bench/precision. files: local path (relative to this folder), source repository, commit, upstream path, licence. notCopied: files of the copied skill folders that exist upstream but are not copied (binary, or too large): a link to one is not a broken link.',
  sources: [],
  files: [],
  skipped: [],
  notCopied: [],
};
rmSync(outRoot, { recursive: true, force: true });
let totalBytes = 0;

for (const source of sources) {
  const gitDir = path.join(mirrors, source.mirror, 'repo');
  const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 28 });
  const listing = git('ls-tree', '-r', '-l', source.commit)
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta, p] = line.split('\t');
      const parts = meta.trim().split(/\s+/);
      return { path: p, size: Number(parts[3]), type: parts[1] };
    });
  const sizes = new Map(listing.filter((e) => e.type === 'blob').map((e) => [e.path, e.size]));
  const paths = [...sizes.keys()];
  const show = (p) => (sizes.has(p) ? git('show', `${source.commit}:${p}`).toString('utf8') : undefined);
  const prefix = source.localPrefix ?? source.repo.replace('/', '__');
  manifest.sources.push({ repo: source.repo, commit: source.commit, licence: source.licence, folder: prefix });

  const wanted = new Set(source.select(paths));
  const companions = new Set();
  for (const dir of source.skillFolders?.(paths, show) ?? []) {
    for (const p of paths) {
      if (!p.startsWith(dir + '/')) continue;
      if (TEXT_EXTENSIONS.test(p)) (p.endsWith('/SKILL.md') ? wanted : companions).add(p);
      // Binary assets (fonts, images) are not copied; a link to one is a link to a file that exists upstream.
      else
        manifest.notCopied.push({
          local: path.posix.join(prefix, p),
          bytes: sizes.get(p),
          why: 'binary or not a prompt-related text file',
        });
    }
  }
  // Skills link to one another (`../other-skill/SKILL.md`): the skills not sampled still exist upstream.
  const sampled = new Set([...wanted].filter((p) => p.endsWith('/SKILL.md')));
  if (source.skillFolders) {
    for (const p of paths)
      if (p.endsWith('/SKILL.md') && !sampled.has(p))
        manifest.notCopied.push({
          local: path.posix.join(prefix, p),
          bytes: sizes.get(p),
          why: 'skill not in the sample',
        });
  }
  for (const p of [...wanted, ...companions].sort()) {
    const size = sizes.get(p);
    if (size === undefined) continue;
    const limit = companions.has(p) ? MAX_COMPANION_BYTES : MAX_FILE_BYTES;
    if (size > limit) {
      manifest.skipped.push({
        repo: source.repo,
        commit: source.commit,
        path: p,
        bytes: size,
        why: `larger than ${limit} bytes`,
      });
      manifest.notCopied.push({
        local: path.posix.join(prefix, source.place ? source.place(p) : p),
        bytes: size,
        why: `larger than ${limit} bytes`,
      });
      continue;
    }
    const local = path.posix.join(prefix, source.place ? source.place(p) : p);
    const target = path.join(outRoot, local);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, git('show', `${source.commit}:${p}`));
    totalBytes += size;
    manifest.files.push({ local, repo: source.repo, commit: source.commit, path: p, licence: source.licence });
  }
}

writeFileSync(path.join(outRoot, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
writeFileSync(
  path.join(outRoot, 'LICENSES.md'),
  '# Licences of the real-world corpus\n\nEvery file here is copied verbatim from a public repository; `manifest.json` names the repository, commit, path and licence of each.\n\n' +
    manifest.sources.map((s) => `- \`${s.folder}/\`: ${s.repo} at ${s.commit}, ${s.licence}`).join('\n') +
    '\n\nThe MIT licence requires the copyright notice: "Copyright GitHub, Inc." (github/awesome-copilot, github/spec-kit), "Copyright (c) VoltAgent" (VoltAgent/awesome-claude-code-subagents). anthropics/skills: Apache License 2.0, each skill folder keeps its LICENSE.txt.\n',
);
console.log(
  `${manifest.files.length} files, ${(totalBytes / 1e6).toFixed(2)} MB, ${manifest.skipped.length} skipped as too large`,
);
