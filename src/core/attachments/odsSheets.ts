/**
 * Which sheets of an OpenDocument spreadsheet (.ods, or flat .fods) are hidden, read from its
 * content.xml (the .fods file itself) — SheetJS 0.18.5 reports every .ods sheet as visible.
 *
 * In ODS a sheet is hidden when its `<table:table table:style-name="ta1">` names an automatic
 * table style (`<style:style style:family="table">` in `office:automatic-styles`) whose
 * `<style:table-properties table:display="false"/>`.
 *
 * No XML parser: the few tags that matter are found with Buffer.indexOf (native; no string of
 * the whole part is built), skipping comments, and only those tags are decoded. The automatic
 * styles come before `<office:body>`, so only the head of content.xml is inflated at first;
 * the rest (where the tables are) only when some table style hides a sheet. Inflating is capped
 * at a byte budget. Element names use the prefixes every ODS writer uses (`office:`, `style:`,
 * `table:`, as in the ODF specification's examples); a file that binds other prefixes simply
 * shows no hidden sheets, as before.
 */
import { InflateBudgetExceeded } from './boundedZlib';
import { readCentralDirectory, readPartStart, type CentralEntry } from './zipSubset';

export interface OdsSheets {
  /**
   * Every sheet (`<table:table>`) in document order, with its visibility. Empty when no table
   * style of content.xml hides a sheet (the tables are then never unpacked), and when content.xml
   * could not be scanned (damaged data, which SheetJS then reports; a malformed tag).
   */
  sheets: OdsSheet[];
}

export interface OdsSheet {
  /** The name as written in content.xml, still XML-escaped ("R&amp;D") — as SheetJS 0.18.5 reports it. */
  rawName: string;
  hidden: boolean;
}

/** Compressed bytes of content.xml inflated first; each further try takes 4× more. */
const HEAD_BYTES = 64 * 1024;
/** A start tag longer than this is not from a spreadsheet program: the scan gives up. */
const MAX_TAG_BYTES = 64 * 1024;

/**
 * The sheets of an .ods or .fods, or undefined when the bytes are neither an ODS zip (SheetJS's
 * test: a `META-INF/manifest.xml`; and a `content.xml`) nor a flat ODS document. Throws InflateBudgetExceeded when content.xml
 * inflates past maxInflatedBytes — a zip bomb, reported like one met while SheetJS unpacks.
 */
export function readOdsSheets(bytes: Uint8Array, maxInflatedBytes: number): OdsSheets | undefined {
  if (isFlatOds(bytes)) return { sheets: scanFlat(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) ?? [] };
  let entries: CentralEntry[] | undefined;
  try {
    entries = readCentralDirectory(bytes);
  } catch {
    return undefined;
  }
  const content = entries?.find((e) => e.name === 'content.xml');
  if (!content || !entries?.some((e) => e.name === 'META-INF/manifest.xml')) return undefined;
  try {
    return { sheets: scanContent(bytes, content, maxInflatedBytes) ?? [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateBudgetExceeded(maxInflatedBytes);
    return { sheets: [] };
  }
}

/** Flat OpenDocument (.fods): the whole document as one XML file, styles and tables together. */
function isFlatOds(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 65536));
  return head.indexOf('<office:document', 0, 'latin1') >= 0 && head.indexOf('opendocument.spreadsheet', 0, 'latin1') >= 0;
}

function scanFlat(xml: Buffer): OdsSheet[] | undefined {
  const body = new TagScanner(xml).find('office:body', 0, xml.length);
  const hiddenStyles = hidingTableStyles(xml, body < 0 ? xml.length : body);
  if (!hiddenStyles?.size) return undefined;
  return tablesOf(xml, Math.max(0, body), hiddenStyles);
}

/** The head of content.xml first: its tables only when a table style hides one. */
function scanContent(bytes: Uint8Array, content: CentralEntry, maxInflatedBytes: number): OdsSheet[] | undefined {
  let part: { data: Buffer; complete: boolean } | undefined;
  let body = -1;
  for (let head = HEAD_BYTES; ; head *= 4) {
    part = readPartStart(bytes, content, head, maxInflatedBytes);
    if (!part) return undefined;
    body = new TagScanner(part.data).find('office:body', 0, part.data.length);
    if (body >= 0 || part.complete) break;
  }
  const hiddenStyles = hidingTableStyles(part.data, body < 0 ? part.data.length : body);
  if (!hiddenStyles?.size) return undefined;
  if (!part.complete) part = readPartStart(bytes, content, Infinity, maxInflatedBytes);
  return part && tablesOf(part.data, Math.max(0, body), hiddenStyles);
}

/** Names of the table styles in xml[0, end) that hide a table; undefined when a tag is malformed. */
function hidingTableStyles(xml: Buffer, end: number): Set<string> | undefined {
  const scan = new TagScanner(xml);
  const hidden = new Set<string>();
  for (let at = scan.find('style:style', 0, end); at >= 0; ) {
    const tag = scan.tag(at);
    if (!tag) return undefined;
    let next = tag.end;
    if (attribute(tag.text, 'style:family') === 'table' && !tag.selfClosing) {
      // A table style holds one <style:table-properties/>: its end is near, never searched far.
      const limit = Math.min(end, tag.end + MAX_TAG_BYTES);
      const close = xml.subarray(0, limit).indexOf('</style:style>', tag.end, 'latin1');
      next = close < 0 ? limit : close;
      const properties = scan.find('style:table-properties', tag.end, next);
      const propertiesTag = properties < 0 ? undefined : scan.tag(properties);
      if (propertiesTag && attribute(propertiesTag.text, 'table:display') === 'false') hidden.add(attribute(tag.text, 'style:name') ?? '');
    }
    at = scan.find('style:style', next, end);
  }
  return hidden;
}

/** Every <table:table> from `from` on, in order; undefined when a tag is malformed. */
function tablesOf(xml: Buffer, from: number, hiddenStyles: Set<string>): OdsSheet[] | undefined {
  const scan = new TagScanner(xml);
  const sheets: OdsSheet[] = [];
  for (let at = scan.find('table:table', from, xml.length); at >= 0; ) {
    const tag = scan.tag(at);
    if (!tag) return undefined;
    let next = tag.end;
    // Like SheetJS: a sheet ends at its </table:table>; an empty <table:table/> is no sheet.
    if (!tag.selfClosing) {
      // One native search over the rows and cells, instead of stopping at every <table:table-cell.
      const close = xml.indexOf('</table:table>', tag.end, 'latin1');
      if (close < 0) break;
      const style = attribute(tag.text, 'table:style-name');
      sheets.push({ rawName: attribute(tag.text, 'table:name') ?? '', hidden: style !== undefined && hiddenStyles.has(style) });
      next = close;
    }
    at = scan.find('table:table', next, xml.length);
  }
  return sheets;
}

/** Finds start tags by exact element name in a UTF-8 XML buffer, outside comments. */
class TagScanner {
  /** Where the next comment starts at or after `commentFrom`, found once and reused. */
  private commentAt = -1;
  private commentFrom = Infinity;

  constructor(private readonly xml: Buffer) {}

  /** Offset of the next `<name` start tag in [from, end), or -1. */
  find(name: string, from: number, end: number): number {
    const needle = `<${name}`;
    const within = this.xml.subarray(0, end);
    let at = from;
    for (;;) {
      const hit = within.indexOf(needle, at, 'latin1');
      if (hit < 0) return -1;
      const comment = this.nextComment(at);
      if (comment >= 0 && comment < hit) {
        const close = this.xml.indexOf('-->', comment + 4, 'latin1');
        if (close < 0) return -1;
        at = close + 3;
        continue;
      }
      const after = this.xml[hit + needle.length];
      // `<table:table` must not match `<table:table-row`: the name ends at a space, '>' or '/'.
      if (after === undefined || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x3e || after === 0x2f) return hit;
      at = hit + needle.length;
    }
  }

  /** The start tag at `at` (quotes respected), or undefined when it does not end within MAX_TAG_BYTES. */
  tag(at: number): { text: string; end: number; selfClosing: boolean } | undefined {
    const limit = Math.min(this.xml.length, at + MAX_TAG_BYTES);
    let quote = 0;
    for (let i = at + 1; i < limit; i++) {
      const c = this.xml[i];
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3c) return undefined; // '<' cannot appear inside a tag
      else if (c === 0x3e) return { text: this.xml.toString('utf8', at, i + 1), end: i + 1, selfClosing: this.xml[i - 1] === 0x2f };
    }
    return undefined;
  }

  private nextComment(from: number): number {
    if (from < this.commentFrom || (this.commentAt >= 0 && from > this.commentAt)) {
      this.commentAt = this.xml.indexOf('<!--', from, 'latin1');
      this.commentFrom = from;
    }
    return this.commentAt;
  }
}

/** The value of a qualified attribute (`table:name`) in a start tag, still escaped. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}
