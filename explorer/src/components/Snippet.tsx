import type { SearchClaimsQuery } from "../gql/graphql";
import { utf16Span } from "../spans";

type SnippetValue = NonNullable<SearchClaimsQuery["claims"]["edges"][number]["snippet"]>;

/**
 * Where the search matched, its words marked. The API's offsets count code points
 * from the start of the whole text; the excerpt begins at `start`.
 */
export function Snippet({ snippet }: { snippet: SnippetValue }) {
  const parts: (string | { mark: string })[] = [];
  let at = 0;
  for (const h of snippet.highlights) {
    const span = utf16Span(snippet.text, h.start - snippet.start, h.end - snippet.start);
    if (!span || span[0] < at) continue;
    parts.push(snippet.text.slice(at, span[0]), { mark: snippet.text.slice(span[0], span[1]) });
    at = span[1];
  }
  parts.push(snippet.text.slice(at));
  return (
    <p className="snippet">
      <span className="meta">{snippet.assertionId ? "In a quote: " : "In the claim: "}</span>
      {snippet.start > 0 ? "… " : ""}
      {parts.map((part, i) => (typeof part === "string" ? part : <mark key={i}>{part.mark}</mark>))}
    </p>
  );
}
