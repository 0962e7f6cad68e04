/** Runs `mvp` in-process and captures what it prints. */
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `stdin`, when given, is what `mvp` reads for `-` (else it reads none). */
export async function runCli(args: string[], cwd = process.cwd(), stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    readStdin: stdin === undefined ? undefined : async () => stdin,
  });
  return { code, stdout, stderr };
}
