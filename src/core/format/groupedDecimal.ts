/**
 * Numbers as en-US writes them ("12,345", "1,234.57", "-0", "∞"), without Intl: the first
 * Intl.NumberFormat or toLocaleString of a process loads ICU's locale data, 13–20 ms of the hook's
 * run and of every `mvp statusline`, `mvp context` and `mvp usage`, for the one format this project
 * writes. The output equals `new Intl.NumberFormat('en-US', { maximumFractionDigits })`'s;
 * test/unit/format/groupedDecimal.test.ts compares the two over many values.
 */

/**
 * `value` with at most `maxFractionDigits` decimals (trailing zeros dropped), grouped by thousands.
 *
 * Rounding follows V8's Intl, which rounds half away from zero on the shortest decimal that reads
 * back as the same double (what `String(value)` prints), not on the double's exact binary value:
 * 1.005 is stored as 1.00499999999999989…, Intl writes "1.01" where `toFixed(2)` writes "1.00".
 */
export function groupedDecimal(value: number, maxFractionDigits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  // Intl writes the sign of every negative, -0 and what rounds to zero included ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const { digits, pointAt } = roundDigits(shortestDigits(Math.abs(value)), maxFractionDigits);
  const whole =
    pointAt <= 0
      ? '0'
      : digits
          .slice(0, pointAt)
          .padEnd(pointAt, '0')
          .replace(/^0+(?=\d)/, '');
  const fraction =
    pointAt >= digits.length
      ? ''
      : digits
          .slice(Math.max(0, pointAt))
          .padStart(digits.length - pointAt, '0')
          .replace(/0+$/, '');
  return `${sign}${group(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** Decimal digits and where the point goes: 123.45 → "12345", 3; 1e-7 → "1", -6; 1.2e21 → "12", 22. */
interface Digits {
  digits: string;
  pointAt: number;
}

function shortestDigits(magnitude: number): Digits {
  const text = String(magnitude);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  return { digits: mantissa.replace('.', ''), pointAt: (dot < 0 ? mantissa.length : dot) + exponent };
}

/** Keeps `fractionDigits` decimals, half away from zero (a dropped 5 or more rounds the kept digits up). */
function roundDigits({ digits, pointAt }: Digits, fractionDigits: number): Digits {
  const keep = pointAt + fractionDigits;
  if (keep >= digits.length) return { digits, pointAt };
  // Under half of the last kept place, even with the first digit dropped: zero.
  if (keep < 0) return { digits: '0', pointAt: 1 };
  const kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) < 0x35 /* '5' */) return { digits: kept || '0', pointAt: kept ? pointAt : 1 };
  const up = incremented(kept);
  return up.length > kept.length ? { digits: up, pointAt: pointAt + 1 } : { digits: up, pointAt };
}

/** "129" → "130", "99" → "100", "" → "1": one unit added to the last digit, carried. */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - 1 - i)}`;
}

/** "1234567" → "1,234,567". */
function group(whole: string): string {
  const head = whole.length % 3 || 3;
  let out = whole.slice(0, head);
  for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
