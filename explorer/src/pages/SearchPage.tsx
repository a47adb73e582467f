import { type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { Heading } from "../components/Heading";
import { Snippet } from "../components/Snippet";
import { Status } from "../components/Status";
import type { ClaimFilter, Stance } from "../gql/graphql";
import { STANCE_LABEL, claimPath, quantityText } from "../format";
import { SearchClaimsQuery, SearchOptionsQuery } from "../queries";

const PAGE_SIZE = 20;
const FIELDS = ["q", "topic", "person", "source", "publisher", "stance", "from", "to"] as const;
type Field = (typeof FIELDS)[number];
// Each facet the API counts, its heading, and the filter a click on one of its values sets.
const FACETS: { name: string; title: string; field: Field }[] = [
  { name: "topic", title: "Topic", field: "topic" },
  { name: "speaker", title: "Who said it", field: "person" },
  { name: "publisher", title: "Publisher", field: "publisher" },
  { name: "stance", title: "Stance", field: "stance" },
  { name: "year", title: "Year said", field: "from" },
];
const STANCES = Object.keys(STANCE_LABEL) as Stance[];

/** The filter the address holds: every search is a link. */
function filterFrom(params: URLSearchParams): ClaimFilter {
  const value = (name: Field) => params.get(name) || null;
  const stance = value("stance");
  return {
    search: value("q"),
    topicId: value("topic"),
    personId: value("person"),
    sourceId: value("source"),
    publisherId: value("publisher"),
    stance: STANCES.includes(stance as Stance) ? (stance as Stance) : null,
    assertedFrom: value("from"),
    assertedTo: value("to"),
  };
}

/** Two requests: the filters' choices, then the ranked claims with their facets. */
export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterFrom(params);
  const after = params.get("after");
  const [options] = useQuery({ query: SearchOptionsQuery });
  const [result] = useQuery({
    query: SearchClaimsQuery,
    variables: { filter, first: PAGE_SIZE, after, facets: FACETS.map((f) => f.name) },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FIELDS) {
      const value = String(form.get(name) ?? "").trim();
      if (value) next.set(name, value);
    }
    navigate({ search: next.toString() });
  }

  /** The address with one filter set (or cleared), from the first page. */
  const withFilter = (changes: Partial<Record<Field, string | null>>) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    return `?${next.toString()}`;
  };

  const edges = result.data?.claims.edges ?? [];
  const counts = result.data?.claimFacets;
  // A speaker chosen from the facets may be an organization, not in the people listed.
  const speaker = params.get("person");
  const speakerName = counts?.facets
    .find((f) => f.name === "speaker")
    ?.buckets.find((b) => b.key === speaker)?.label;
  return (
    <>
      <Heading focusKey="search">Find a claim</Heading>
      <form role="search" className="search-form" onSubmit={submit} key={`${params.toString()}|${options.data ? "ready" : ""}`}>
        <label>
          Words in the claim or a quote
          <input name="q" type="search" defaultValue={params.get("q") ?? ""} maxLength={500} aria-describedby="search-syntax" />
        </label>
        <label>
          Topic
          <select name="topic" defaultValue={params.get("topic") ?? ""}>
            <option value="">any</option>
            {options.data?.topics.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select name="person" defaultValue={params.get("person") ?? ""}>
            <option value="">anyone</option>
            {options.data?.people.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>{node.name}</option>
            ))}
            {speaker && !options.data?.people.edges.some(({ node }) => node.id === speaker) ? (
              <option value={speaker}>{speakerName ?? speaker}</option>
            ) : null}
          </select>
        </label>
        <label>
          Source
          <select name="source" defaultValue={params.get("source") ?? ""}>
            <option value="">any</option>
            {options.data?.sources.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.title}
                {node.publisher ? ` (${node.publisher.name})` : ""}
              </option>
            ))}
          </select>
        </label>
        <label>
          Said from
          <input name="from" defaultValue={params.get("from") ?? ""} placeholder="2020-03" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        <label>
          Said until
          <input name="to" defaultValue={params.get("to") ?? ""} placeholder="2021" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
        </label>
        {params.get("publisher") ? <input type="hidden" name="publisher" value={params.get("publisher") ?? ""} /> : null}
        {params.get("stance") ? <input type="hidden" name="stance" value={params.get("stance") ?? ""} /> : null}
        <button type="submit">Search</button>
        <p id="search-syntax" className="meta syntax">
          Every word is required; "a phrase" as written; -word excludes; a OR b needs either.
        </p>
      </form>
      <Status fetching={options.fetching} error={options.error} what="the filters" />

      <div className="results-layout">
        <aside aria-labelledby="facets-title" className="facets">
          <h2 id="facets-title">Narrow down</h2>
          {counts?.facets.map((facet) => {
            const spec = FACETS.find((f) => f.name === facet.name);
            if (!spec || facet.buckets.length === 0) return null;
            return (
              <section key={facet.name} aria-label={spec.title}>
                <h3>{spec.title}</h3>
                <ul>
                  {facet.buckets.map((bucket) => {
                    const label = bucket.label ?? (facet.name === "stance" ? STANCE_LABEL[bucket.key as Stance] : bucket.key);
                    const changes = facet.name === "year" ? { from: bucket.key, to: bucket.key } : { [spec.field]: bucket.key };
                    const current = params.get(spec.field) === bucket.key;
                    return (
                      <li key={bucket.key}>
                        <Link to={withFilter(changes)} aria-current={current ? "true" : undefined}>
                          {label}
                        </Link>{" "}
                        <span className="count">{bucket.claims}</span>
                      </li>
                    );
                  })}
                </ul>
                {facet.values > facet.buckets.length ? (
                  <p className="meta">and {facet.values - facet.buckets.length} more</p>
                ) : null}
                {params.get(spec.field) ? (
                  <Link to={withFilter(facet.name === "year" ? { from: null, to: null } : { [spec.field]: null })}>
                    Clear {spec.title.toLowerCase()}
                  </Link>
                ) : null}
              </section>
            );
          })}
        </aside>
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title">
            {result.fetching || !counts
              ? "Searching…"
              : `${counts.claims} claims, ${counts.assertions} assertions${filter.search ? ", best match first" : ""}`}
          </h2>
          <Status fetching={result.fetching} error={result.error} what="the claims" />
          <ol className="hits">
            {edges.map(({ node, snippet }) => (
              <li key={node.id}>
                <Link to={claimPath(node.id)} className="hit-title">
                  {node.text}
                </Link>
                {snippet ? <Snippet snippet={snippet} /> : null}
                <p className="meta">
                  {node.quantity ? `${quantityText(node.quantity)} · ` : ""}
                  first asserted {node.firstAsserted?.replace("T", " ") ?? "at an unknown date"}
                  {node.topics.length ? ` · ${node.topics.map((t) => t.name).join("; ")}` : ""}
                </p>
              </li>
            ))}
          </ol>
          {result.data?.claims.pageInfo.hasNextPage ? (
            <Link to={`?${withAfter(params, result.data.claims.pageInfo.endCursor)}`}>Next {PAGE_SIZE} claims</Link>
          ) : null}
        </section>
      </div>
    </>
  );
}

function withAfter(params: URLSearchParams, cursor: string | null | undefined): string {
  const next = new URLSearchParams(params);
  if (cursor) next.set("after", cursor);
  return next.toString();
}
