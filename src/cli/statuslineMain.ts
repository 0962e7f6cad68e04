/**
 * `mvp-statusline`: the status-line command alone, bundled apart from the CLI (dist/statusline.js)
 * so that Claude Code's status line, which runs it after every message, does not load the whole
 * engine. Same output as `mvp statusline`.
 */
import { runStatusline } from './commands/statusline';

const chunks: Buffer[] = [];
process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
process.stdin.on('end', () => {
  runStatusline([], {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    readStdin: async () => Buffer.concat(chunks).toString('utf8'),
  }).then(
    (code) => (process.exitCode = code),
    () => process.stdout.write('mvp: status unavailable\n'),
  );
});
