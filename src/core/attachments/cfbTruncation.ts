/**
 * Whether a Compound File (legacy .xls, password-protected .xlsx) ends before the sectors its own
 * header and allocation table point to. A truncated file made the spreadsheet reader fail in ways
 * that read like "password-protected"; checking the structure tells the user the real problem.
 * Reads only the header and the allocation-table sectors that are present (MS-CFB §2.2–2.3).
 */
const MAX_REGULAR_SECTOR = 0xfffffffa;

export function cfbTruncation(bytes: Uint8Array): { expectedBytes: number } | undefined {
  if (bytes.length < 512 || bytes[0] !== 0xd0 || bytes[1] !== 0xcf || bytes[2] !== 0x11 || bytes[3] !== 0xe0)
    return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  // Sector n starts after the header sector: at (n + 1) × sectorSize.
  const present = (sector: number): boolean => (sector + 2) * sectorSize <= bytes.length;
  let highest = -1;
  const note = (sector: number): void => {
    if (sector < MAX_REGULAR_SECTOR && sector > highest) highest = sector;
  };
  note(view.getUint32(0x30, true)); // first directory sector
  note(view.getUint32(0x3c, true)); // first mini-FAT sector
  for (let i = 0; i < 109; i++) {
    const fatSector = view.getUint32(0x4c + i * 4, true);
    if (fatSector >= MAX_REGULAR_SECTOR) continue;
    note(fatSector);
    if (!present(fatSector)) continue;
    // Every "next sector" pointer in the allocation table must point inside the file.
    const start = (fatSector + 1) * sectorSize;
    for (let offset = start; offset < start + sectorSize; offset += 4) note(view.getUint32(offset, true));
  }
  return highest >= 0 && !present(highest) ? { expectedBytes: (highest + 2) * sectorSize } : undefined;
}
