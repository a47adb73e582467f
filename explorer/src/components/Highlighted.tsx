/** The text with each searched word marked (any case). */
export function Highlighted({ text, words }: { text: string; words: string }) {
  const terms = words
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 1);
  if (terms.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${terms.map(escape).join("|")})`, "giu");
  return (
    <>
      {text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </>
  );
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
