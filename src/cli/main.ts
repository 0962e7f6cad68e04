/**
 * `mvp`: the engine on the command line, for CI, pre-commit and agent hooks. Each command is a
 * function (args, io) → exit code, so tests run them in-process.
 *
 * This file is only the dispatcher: it names the commands and loads the one asked for. Each
 * `./commands/…` module is required when its command runs, never before, and the build (esbuild.mjs)
 * turns each of those requires into a separate bundle (dist/cli-usage.js, dist/cli-context.js, …):
 * `mvp usage` or `mvp statusline` loads only the code it runs, not the 1 MB prompt-analysis engine.
 */
import { UsageError } from './args';
import { CliError, type CliIo } from './cliIo';

type Run = (args: string[], io: CliIo) => Promise<number>;
interface LoadedCommand {
  run: Run;
  /** The usage line `mvp --help` and `mvp COMMAND --help` print, when the module holds it. */
  usage?: string;
}
interface Command {
  summary: string;
  /** The usage line, where it is not the module's own (then `mvp --help` need not load the module). */
  usage?: string;
  /** Requires the command's module (its own bundle in dist/): only for the command that runs, or for help. */
  load: () => LoadedCommand;
}

const commands: Record<string, Command> = {
  analyse: {
    summary: 'analyse a prompt file: parts, tokens, energy, findings',
    load: () => {
      const m = require('./commands/analyse') as typeof import('./commands/analyse');
      return { run: m.runAnalyse, usage: m.analyseUsage };
    },
  },
  tokens: {
    summary: "count a file's tokens for a model",
    load: () => {
      const m = require('./commands/tokens') as typeof import('./commands/tokens');
      return { run: m.runTokens, usage: m.tokensUsage };
    },
  },
  estimate: {
    summary: 'energy/carbon/water of a request given its token counts',
    load: () => {
      const m = require('./commands/estimate') as typeof import('./commands/estimate');
      return { run: m.runEstimate, usage: m.estimateUsage };
    },
  },
  session: {
    summary: 'cost of a chat session turn by turn; continue vs start fresh',
    load: () => {
      const m = require('./commands/session') as typeof import('./commands/session');
      return { run: m.runSession, usage: firstLine(m.SESSION_USAGE) };
    },
  },
  convert: {
    summary: 'write one sheet of a workbook as CSV (never overwrites)',
    load: () => {
      const m = require('./commands/convert') as typeof import('./commands/convert');
      return { run: m.runConvert, usage: firstLine(m.CONVERT_USAGE) };
    },
  },
  hook: {
    summary: 'prompt-submit hook for coding agents: coaching or a budget block (docs/hooks.md)',
    usage: 'mvp hook [--agent auto|claude-code|vscode] [--model ID] [--context] [--quiet] < event.json',
    load: () => ({ run: (require('./commands/hook') as typeof import('./commands/hook')).runHook }),
  },
  lint: {
    summary: 'lint prompt files with the repository config (CI, pre-commit; text, JSON, SARIF)',
    load: () => {
      const m = require('./commands/lint') as typeof import('./commands/lint');
      return { run: (args, io) => m.runLint(args, io), usage: m.lintUsage };
    },
  },
  init: {
    summary: 'write a starter .mvp.jsonc (never overwrites)',
    load: () => {
      const m = require('./commands/init') as typeof import('./commands/init');
      return { run: m.runInit, usage: m.initUsage };
    },
  },
  models: {
    summary: 'list model profiles (or grid regions)',
    load: () => {
      const m = require('./commands/models') as typeof import('./commands/models');
      return { run: m.runModels, usage: m.modelsUsage };
    },
  },
  usage: {
    summary: 'tokens, energy, carbon, water and cost of coding agents, from their local logs (docs/usage.md)',
    usage: 'mvp usage [daily|weekly|monthly|session|project] [--since DATE] [--until DATE] [--agent NAME] [--format text|json] [--clear-cache]',
    load: () => {
      const m = require('./commands/usage') as typeof import('./commands/usage');
      return { run: (args, io) => m.runUsage(args, io) };
    },
  },
  statusline: {
    summary: 'Claude Code statusLine: session tokens, Wh so far, context use',
    usage: 'mvp statusline < status.json',
    load: () => ({ run: (require('./commands/statusline') as typeof import('./commands/statusline')).runStatusline }),
  },
  context: {
    summary: 'what a coding agent sends with every request before you type: items, tokens, Wh, fixes',
    usage: 'mvp context [FOLDER] [--agent auto|claude-code|vscode|codex|gemini] [--format text|json] [--probe-mcp]',
    load: () => ({ run: (require('./commands/context') as typeof import('./commands/context')).runContext }),
  },
};

function usageOf(command: Command): string {
  return command.usage ?? command.load().usage ?? '';
}

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
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${usageOf(c)}`),
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
  try {
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`usage: ${usageOf(command)}\n`);
      return 0;
    }
    return await command.load().run(rest, io);
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
  // `mvp usage --format json | head`: the reader went away; stop quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
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
