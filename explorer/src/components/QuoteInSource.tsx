import { excerpt } from "../spans";

const CONTEXT_UNITS = 320;

/**
 * The quote marked inside its source's text. Spans count code points, the browser
 * UTF-16 units: spans.ts converts, so the mark is exact around astral characters too.
 */
export function QuoteInSource(props: {
  text: string | null | undefined;
  span: { start: number; end: number } | null | undefined;
  quote: string;
  loading: boolean;
}) {
  const { text, span, quote, loading } = props;
  if (!span) {
    return (
      <blockquote className="quote">
        <p>{quote}</p>
        <footer>Not checked against the source: no text of it is held.</footer>
      </blockquote>
    );
  }
  if (!text) {
    return (
      <blockquote className="quote">
        <p>{quote}</p>
        {loading ? <footer role="status">Loading the source's text…</footer> : null}
      </blockquote>
    );
  }
  const part = excerpt(text, span.start, span.end, CONTEXT_UNITS);
  if (!part) return <blockquote className="quote"><p>{quote}</p></blockquote>;
  return (
    <div className="in-source">
      <p className="source-text" data-testid="quote-in-source">
        {part.cutBefore ? "… " : ""}
        {part.before}
        <mark>{part.quote}</mark>
        {part.after}
        {part.cutAfter ? " …" : ""}
      </p>
      <details>
        <summary>The whole text</summary>
        <WholeText text={text} span={span} />
      </details>
    </div>
  );
}

function WholeText({ text, span }: { text: string; span: { start: number; end: number } }) {
  const whole = excerpt(text, span.start, span.end, text.length);
  if (!whole) return null;
  return (
    <div className="whole-text">
      {whole.before}
      <mark>{whole.quote}</mark>
      {whole.after}
    </div>
  );
}
