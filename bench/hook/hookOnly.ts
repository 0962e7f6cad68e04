/** `mvp hook` alone, bundled without the CLI's other commands: isolates what the rest of the bundle costs at start-up. */
import { runHook } from '../../src/cli/commands/hook';

const chunks: Buffer[] = [];
process.stdin
  .on('data', (chunk: Buffer) => chunks.push(chunk))
  .on('end', () => {
    void runHook(process.argv.slice(3), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
      readStdin: async () => Buffer.concat(chunks).toString('utf8'),
    }).then((code) => {
      process.exitCode = code;
    });
  });
