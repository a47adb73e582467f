/**
 * The API counts spans in Unicode code points; JavaScript strings index UTF-16 code
 * units, in which a character outside the Basic Multilingual Plane (an emoji, a CJK
 * extension ideograph) takes two. These turn one into the other.
 */

/** The UTF-16 offsets of the code-point span [start, end) of text; null if it does not fit. */
export function utf16Span(text: string, start: number, end: number): [number, number] | null {
  if (start < 0 || end < start) return null;
  let points = 0;
  let from = start === 0 ? 0 : -1;
  for (let units = 0; units < text.length; ) {
    const width = (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1;
    units += width;
    points += 1;
    if (points === start) from = units;
    if (points === end) return from < 0 ? null : [from, units];
  }
  return end === 0 ? [0, 0] : null;
}

export interface Excerpt {
  before: string;
  quote: string;
  after: string;
  cutBefore: boolean;
  cutAfter: boolean;
}

/** The quote at the code-point span, with up to `context` UTF-16 units of text either side. */
export function excerpt(text: string, start: number, end: number, context: number): Excerpt | null {
  const span = utf16Span(text, start, end);
  if (span === null) return null;
  const [from, to] = span;
  let left = Math.max(0, from - context);
  let right = Math.min(text.length, to + context);
  // Never cut a surrogate pair in half.
  if (left > 0 && isLowSurrogate(text.charCodeAt(left))) left -= 1;
  if (right < text.length && isLowSurrogate(text.charCodeAt(right))) right += 1;
  return {
    before: text.slice(left, from),
    quote: text.slice(from, to),
    after: text.slice(to, right),
    cutBefore: left > 0,
    cutAfter: right < text.length,
  };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
