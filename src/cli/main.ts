/**
 * `mvp`: the engine on the command line, for CI, pre-commit and agent hooks. Each command is a
 * function (args, io) → exit code, so tests run them in-process.
 */
import { UsageError } from './args';
import { CliError, type CliIo } from './cliIo';
import { analyseUsage, runAnalyse } from './commands/analyse';
import { estimateUsage, runEstimate } from './commands/estimate';
import { modelsUsage, runModels } from './commands/models';
import { runTokens, tokensUsage } from './commands/tokens';
import { CONVERT_USAGE, runConvert } from './commands/convert';
import { SESSION_USAGE, runSession } from './commands/session';
import { lintUsage, runLint } from './commands/lint';
import { initUsage, runInit } from './commands/init';

type Command = { run: (args: string[], io: CliIo) => Promise<number>; usage: string; summary: string };

const commands: Record<string, Command> = {
  analyse: { run: runAnalyse, usage: analyseUsage, summary: 'analyse a prompt file: parts, tokens, energy, findings' },
  tokens: { run: runTokens, usage: tokensUsage, summary: "count a file's tokens for a model" },
  estimate: { run: runEstimate, usage: estimateUsage, summary: 'energy/carbon/water of a request given its token counts' },
  session: { run: runSession, usage: firstLine(SESSION_USAGE), summary: 'cost of a chat session turn by turn; continue vs start fresh' },
  convert: { run: runConvert, usage: firstLine(CONVERT_USAGE), summary: 'write one sheet of a workbook as CSV (never overwrites)' },
  hook: { run: (args, io) => (require('./commands/hook') as typeof import('./commands/hook')).runHook(args, io), usage: 'mvp hook [--agent auto|claude-code|vscode] [--model ID] [--context] [--quiet] < event.json', summary: 'prompt-submit hook for coding agents: coaching or a budget block (docs/hooks.md)' },
  lint: { run: (args, io) => runLint(args, io), usage: lintUsage, summary: 'lint prompt files with the repository config (CI, pre-commit; text, JSON, SARIF)' },
  init: { run: runInit, usage: initUsage, summary: 'write a starter .mvp.jsonc (never overwrites)' },
  models: { run: runModels, usage: modelsUsage, summary: 'list model profiles (or grid regions)' },
  usage: { run: (args, io) => (require('./commands/usage') as typeof import('./commands/usage')).runUsage(args, io), usage: 'mvp usage [daily|weekly|monthly|session|project] [--since DATE] [--until DATE] [--agent NAME] [--format text|json] [--clear-cache]', summary: 'tokens, energy, carbon, water and cost of coding agents, from their local logs (docs/usage.md)' },
  statusline: { run: (args, io) => (require('./commands/statusline') as typeof import('./commands/statusline')).runStatusline(args, io), usage: 'mvp statusline < status.json', summary: "Claude Code statusLine: session tokens, Wh so far, context use" },
  context: { run: (args, io) => (require('./commands/context') as typeof import('./commands/context')).runContext(args, io), usage: 'mvp context [FOLDER] [--agent auto|claude-code|vscode|codex|gemini] [--format text|json] [--probe-mcp]', summary: "what a coding agent sends with every request before you type: items, tokens, Wh, fixes" },
};
function firstLine(usage: string): string {
  return usage.split('\n')[0].replace(/^Usage:\s*/, '');
}

const aliases: Record<string, string> = { analyze: 'analyse' };

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'mvp — Minimal Viable Prompt: send language models the smallest context that still gets the answer.',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
    '',
    'Everything runs locally; nothing is sent anywhere. Docs: docs/cli.md',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${process.env.MVP_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = commands[aliases[name] ?? name];
  if (!command) {
    io.stderr(`mvp: unknown command '${name}'. Run 'mvp --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`mvp ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`mvp ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`mvp ${name}: internal error: ${(error as Error).message}\n`);
    if (process.env.MVP_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    else io.stderr('Set MVP_DEBUG=1 for details and please report it.\n');
    return 70;
  }
}

/**
 * Standard input is read whole; more than this is refused (see readStdin below). 4 MB of prompt is
 * about a million tokens, beyond every agent's context window, and tokenizing more could outlast
 * the hook's deadline (a synchronous step a timer cannot interrupt).
 */
const MAX_STDIN_BYTES = 4 * 1024 * 1024;

if (require.main === module) {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    standalone: true,
    readStdin: async () => {
      // A hook event or status line is a few KB; 500 MB on stdin took the hook over a minute.
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        total += (chunk as Buffer).length;
        if (total > MAX_STDIN_BYTES) {
          process.stdin.destroy();
          throw new Error(`more than ${MAX_STDIN_BYTES / 1024 / 1024} MB on standard input; not read`);
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
      // The hook has answered (or given up at its deadline): work still running must not keep the agent waiting.
      if (process.argv[2] === 'hook') process.stdout.write('', () => process.exit(code));
    },
    (error) => {
      process.stderr.write(`mvp: ${(error as Error).message}\n`);
      process.exitCode = 70;
    },
  );
}
