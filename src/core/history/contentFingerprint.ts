/**
 * A short fingerprint of pasted content, insensitive to whitespace changes, so the same file or
 * log pasted twice is recognised without keeping either copy in memory.
 */

export function contentFingerprint(text: string): string {
  // Two FNV-1a 32-bit hashes with different offsets: 64 bits, enough that unrelated pastes in one session do not collide.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x01000193);
      pendingSpace = false;
    }
    started = true;
    a = Math.imul(a ^ c, 0x01000193);
    c = (c * 31) & 0xffff;
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
