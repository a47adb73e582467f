import { type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { Heading } from "../components/Heading";
import { Status } from "../components/Status";
import type { ClaimFilter } from "../gql/graphql";
import { claimPath, quantityText } from "../format";
import { SearchClaimsQuery, SearchOptionsQuery } from "../queries";
import { Highlighted } from "../components/Highlighted";

const PAGE_SIZE = 20;
const FIELDS = ["q", "topic", "person", "source", "from", "to"] as const;
type Field = (typeof FIELDS)[number];

/** The filter the address holds: every search is a link. */
function filterFrom(params: URLSearchParams): ClaimFilter {
  const value = (name: Field) => params.get(name) || null;
  return {
    search: value("q"),
    topicId: value("topic"),
    personId: value("person"),
    sourceId: value("source"),
    assertedFrom: value("from"),
    assertedTo: value("to"),
  };
}

export function SearchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterFrom(params);
  const after = params.get("after");
  const [options] = useQuery({ query: SearchOptionsQuery });
  const [result] = useQuery({ query: SearchClaimsQuery, variables: { filter, first: PAGE_SIZE, after } });

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

  const edges = result.data?.claims.edges ?? [];
  const topics = options.data?.topics ?? [];
  const facetCounts = new Map<string, number>();
  for (const { node } of edges) for (const t of node.topics) facetCounts.set(t.id, (facetCounts.get(t.id) ?? 0) + 1);
  const setParam = (name: Field, value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("after");
    if (value) next.set(name, value);
    else next.delete(name);
    return `?${next.toString()}`;
  };

  return (
    <>
      <Heading focusKey="search">Find a claim</Heading>
      <form role="search" className="search-form" onSubmit={submit} key={`${params.toString()}|${options.data ? "ready" : ""}`}>
        <label>
          Words in the claim or a quote
          <input name="q" type="search" defaultValue={params.get("q") ?? ""} maxLength={500} />
        </label>
        <label>
          Topic
          <select name="topic" defaultValue={params.get("topic") ?? ""}>
            <option value="">any</option>
            {topics.map((t) => (
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
        <button type="submit">Search</button>
      </form>
      <Status fetching={options.fetching} error={options.error} what="the filters" />

      <div className="results-layout">
        <aside aria-labelledby="facets-title" className="facets">
          <h2 id="facets-title">Topics in these results</h2>
          <ul>
            {topics
              .filter((t) => facetCounts.has(t.id))
              .map((t) => (
                <li key={t.id}>
                  <Link to={setParam("topic", t.id)} aria-current={params.get("topic") === t.id ? "true" : undefined}>
                    {t.name}
                  </Link>{" "}
                  <span className="count">{facetCounts.get(t.id)}</span>
                </li>
              ))}
          </ul>
          {params.get("topic") ? <Link to={setParam("topic", null)}>Any topic</Link> : null}
        </aside>
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title">
            {result.fetching ? "Searching…" : `${edges.length}${result.data?.claims.pageInfo.hasNextPage ? "+" : ""} claims`}
          </h2>
          <Status fetching={result.fetching} error={result.error} what="the claims" />
          <ol className="hits">
            {edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={claimPath(node.id)} className="hit-title">
                  <Highlighted text={node.text} words={filter.search ?? ""} />
                </Link>
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
