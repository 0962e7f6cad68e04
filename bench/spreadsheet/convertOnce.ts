/**
 * One conversion, as its own process so /usr/bin/time can measure its peak memory exactly like
 * the other tools': node convertOnce.js WORKBOOK SHEET OUT
 */
import { convertSpreadsheetToCsv } from '../../src/core/attachments/convertSpreadsheetToCsv';

async function main(): Promise<void> {
  const [workbook, sheet, out] = process.argv.slice(2);
  const result = await convertSpreadsheetToCsv(workbook, { sheet, outPath: out, existing: 'overwrite', maxBytes: 200 * 1024 * 1024, timeoutMs: 120_000, memoryMb: 2048, maxInflatedBytes: Infinity });
  if (!result.ok) {
    process.stderr.write(result.problem.message + '\n');
    process.exitCode = 1;
  }
}
void main();
