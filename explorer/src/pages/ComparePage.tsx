import { type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { Heading } from "../components/Heading";
import { StanceBadge } from "../components/StanceBadge";
import { Status } from "../components/Status";
import { claimPath, lowerWords } from "../format";
import { CompareOptionsQuery, ComparePositionsQuery } from "../queries";

const MIN_PEOPLE = 2;
const MAX_PEOPLE = 10;

/** Two to ten people on one topic: the options, then the comparison (two requests). */
export function ComparePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const chosen = (params.get("people") ?? "").split(",").filter(Boolean);
  const topicId = params.get("topic") || null;
  const [options] = useQuery({ query: CompareOptionsQuery });
  const ready = chosen.length >= MIN_PEOPLE && chosen.length <= MAX_PEOPLE;
  const [result] = useQuery({ query: ComparePositionsQuery, variables: { personIds: chosen, topicId }, pause: !ready });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const people = form.getAll("people").map(String);
    if (people.length) next.set("people", people.join(","));
    const topic = String(form.get("topic") ?? "");
    if (topic) next.set("topic", topic);
    navigate({ search: next.toString() });
  }

  const comparison = result.data?.comparePositions;
  const claimText = new Map(comparison?.rows.map((r) => [r.claim.id, r.claim.text]) ?? []);
  return (
    <>
      <Heading focusKey="compare">Compare people</Heading>
      <form className="compare-form" onSubmit={submit} key={`${params.toString()}|${options.data ? "ready" : ""}`}>
        <fieldset>
          <legend>People (choose {MIN_PEOPLE} to {MAX_PEOPLE})</legend>
          <div className="people-choices">
            {options.data?.people.edges.map(({ node }) => (
              <label key={node.id}>
                <input type="checkbox" name="people" value={node.id} defaultChecked={chosen.includes(node.id)} />
                {node.name} <span className="count">{node.assertionCount}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Topic
          <select name="topic" defaultValue={topicId ?? ""}>
            <option value="">every topic</option>
            {options.data?.topics.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
        <button type="submit">Compare</button>
      </form>
      <Status fetching={options.fetching} error={options.error} what="the people and topics" />
      {!ready && chosen.length > 0 ? (
        <p role="alert">Choose between {MIN_PEOPLE} and {MAX_PEOPLE} people.</p>
      ) : null}
      <Status fetching={result.fetching} error={result.error} what="the comparison" />
      {comparison ? (
        <>
          <section aria-labelledby="matrix-title">
            <h2 id="matrix-title">Stances ({comparison.rows.length} claims)</h2>
            <div className="table-scroll" role="region" aria-labelledby="matrix-title" tabIndex={0}>
              <table className="matrix">
                <thead>
                  <tr>
                    <th scope="col">Claim</th>
                    {comparison.people.map((p) => (
                      <th scope="col" key={p.id}>
                        <Link to={`/person/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {comparison.rows.map((row) => (
                    <tr key={row.claim.id}>
                      <th scope="row">
                        <Link to={claimPath(row.claim.id)}>{row.claim.text}</Link>
                      </th>
                      {row.positions.map((pos) => (
                        <td key={pos.person.id} title={pos.quote ?? undefined}>
                          <StanceBadge stance={pos.stance} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="pairs-title">
            <h2 id="pairs-title">Agreements and disagreements</h2>
            {comparison.pairs.map((pair) => (
              <article key={`${pair.first.id}-${pair.second.id}`} className="pair" aria-label={`${pair.first.name} and ${pair.second.name}`}>
                <h3>
                  {pair.first.name} and {pair.second.name}
                </h3>
                <p>
                  Agreements: {pair.agreements.length}; disagreements: {pair.disagreements.length}
                  {pair.agreementRatio === null || pair.agreementRatio === undefined
                    ? ""
                    : ` (agree ${Math.round(pair.agreementRatio * 100)}% of the time)`}
                  . Only {pair.first.name} addressed {pair.onlyFirst.length}, only {pair.second.name} {pair.onlySecond.length}.
                </p>
                {pair.disagreements.length ? (
                  <ul className="disagreements">
                    {pair.disagreements.map((d) => (
                      <li key={`${d.kind}-${d.firstClaimId}-${d.secondClaimId}`}>
                        <span className="kind">{lowerWords(d.kind)}</span>
                        {d.conflictKind ? <span className="kind"> ({lowerWords(d.conflictKind)})</span> : null}:{" "}
                        {d.firstClaimId === d.secondClaimId ? (
                          <Link to={claimPath(d.firstClaimId)}>{claimText.get(d.firstClaimId) ?? d.firstClaimId}</Link>
                        ) : (
                          <>
                            {pair.first.name} backs <Link to={claimPath(d.firstClaimId)}>{claimText.get(d.firstClaimId) ?? d.firstClaimId}</Link>;{" "}
                            {pair.second.name} backs <Link to={claimPath(d.secondClaimId)}>{claimText.get(d.secondClaimId) ?? d.secondClaimId}</Link>
                          </>
                        )}
                        {d.note ? <span className="meta"> Why: {d.note}</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
