/** How a sheet reference (`#file:book.xlsx#Q3`, `?sheet=2`) picks a sheet. */

/** Exact name, then case-insensitive name, then a 1-based index. */
export function resolveSheetName(names: readonly string[], wanted: string): string | undefined {
  if (names.includes(wanted)) return wanted;
  const folded = names.find((n) => n.toLowerCase() === wanted.toLowerCase());
  if (folded !== undefined) return folded;
  if (/^\d+$/.test(wanted)) {
    const index = Number(wanted) - 1;
    if (index >= 0 && index < names.length) return names[index];
  }
  return undefined;
}
