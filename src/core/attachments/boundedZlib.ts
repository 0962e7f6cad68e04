/**
 * Node's zlib, shaped the way SheetJS's `CFB.utils.use_zlib` expects, with a budget on the total
 * inflated bytes of one workbook. Native inflate is ~2× faster than SheetJS's JS inflater, but
 * its output buffers live outside the V8 heap, where the worker's heap cap cannot see them —
 * and an out-of-memory caused by external memory can abort the whole process, not just the
 * worker. The budget makes a zip bomb (even one whose directory lies) fail as an ordinary error.
 */
import buffer from 'node:buffer';
import zlib from 'node:zlib';

export class InflateBudgetExceeded extends Error {
  constructor(readonly budgetBytes: number) {
    super(`inflate budget exceeded: the workbook expands to more than ${budgetBytes} bytes`);
  }
}

interface ChunkProcessor {
  _processChunk(chunk: Uint8Array, flushFlag: number): Buffer;
  _finishFlushFlag: number;
  bytesWritten: number;
}

export function boundedZlib(budgetBytes: number): { InflateRaw: new () => ChunkProcessor; deflateRawSync: typeof zlib.deflateRawSync } {
  let remaining = Math.max(1, Math.floor(budgetBytes));
  function InflateRaw(this: unknown): ChunkProcessor {
    const inflater = new zlib.InflateRaw({ maxOutputLength: Math.min(buffer.constants.MAX_LENGTH, Math.max(1, remaining)) }) as unknown as ChunkProcessor;
    const processChunk = inflater._processChunk.bind(inflater);
    inflater._processChunk = (chunk, flushFlag) => {
      let out: Buffer;
      try {
        out = processChunk(chunk, flushFlag);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateBudgetExceeded(budgetBytes);
        throw error;
      }
      remaining -= out.length;
      if (remaining < 0) throw new InflateBudgetExceeded(budgetBytes);
      return out;
    };
    return inflater;
  }
  return { InflateRaw: InflateRaw as unknown as new () => ChunkProcessor, deflateRawSync: zlib.deflateRawSync };
}
