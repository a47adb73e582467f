import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { Heading } from "../components/Heading";
import { StanceBadge } from "../components/StanceBadge";
import { Status } from "../components/Status";
import type { PersonPositionsQuery as PersonPositions, Stance } from "../gql/graphql";
import { claimPath, partialDate } from "../format";
import { OrganizationPositionsQuery, PersonPositionsQuery } from "../queries";

// A person's and an organization's queries ask for the same three lists.
type Positions = Pick<PersonPositions, "supports" | "refutes" | "undecided">;
const STANCES: [Stance, keyof Positions][] = [
  ["SUPPORTS", "supports"],
  ["REFUTES", "refutes"],
  ["UNDECIDED", "undecided"],
];

/** A person's positions, by topic and stance: one request. */
export function PersonPage() {
  const id = useParams().id ?? "";
  const [result] = useQuery({ query: PersonPositionsQuery, variables: { id } });
  const person = result.data?.person;
  if (!person || !result.data) return <Missing id={id} fetching={result.fetching} error={result.error} what="person" />;
  return (
    <article>
      <p className="kicker">Person</p>
      <Heading focusKey={id}>{person.name}</Heading>
      <dl className="facts">
        <dt>Also named</dt>
        <dd>{person.aliases.length ? person.aliases.join(", ") : "no other name recorded"}</dd>
        <dt>Roles</dt>
        <dd>
          {person.affiliations.length
            ? person.affiliations.map((a) => `${a.role}, ${a.organization.name} (as of ${partialDate(a.asOf)})`).join("; ")
            : "none recorded"}
        </dd>
        <dt>Assertions</dt>
        <dd>{person.assertionCount}</dd>
      </dl>
      <PositionsByTopic positions={result.data} name={person.name} />
    </article>
  );
}

/** An organization's positions (an outlet, a government body, an unnamed source): one request. */
export function OrganizationPage() {
  const id = useParams().id ?? "";
  const [result] = useQuery({ query: OrganizationPositionsQuery, variables: { id } });
  const organization = result.data?.organization;
  if (!organization || !result.data) return <Missing id={id} fetching={result.fetching} error={result.error} what="organization" />;
  return (
    <article>
      <p className="kicker">Organization{organization.kind ? ` (${organization.kind.toLowerCase()})` : ""}</p>
      <Heading focusKey={id}>{organization.name}</Heading>
      <PositionsByTopic positions={result.data} name={organization.name} />
    </article>
  );
}

function Missing(props: { id: string; fetching: boolean; error?: Parameters<typeof Status>[0]["error"]; what: string }) {
  return (
    <>
      <Heading focusKey={props.id}>{props.what === "person" ? "Person" : "Organization"}</Heading>
      <Status fetching={props.fetching} error={props.error} what={`the ${props.what}`} />
      {!props.fetching && !props.error ? <p role="alert">There is no {props.what} with the id “{props.id}”.</p> : null}
    </>
  );
}

function PositionsByTopic({ positions, name }: { positions: Positions; name: string }) {
  const topics = new Map<string, { name: string; claims: Map<Stance, { id: string; text: string }[]> }>();
  for (const [stance, key] of STANCES) {
    for (const { node } of positions[key].edges) {
      const about = node.topics.length ? node.topics : [{ id: "", name: "No topic" }];
      for (const topic of about) {
        const entry = topics.get(topic.id) ?? { name: topic.name, claims: new Map() };
        entry.claims.set(stance, [...(entry.claims.get(stance) ?? []), node]);
        topics.set(topic.id, entry);
      }
    }
  }
  const ordered = [...topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  const truncated = STANCES.some(([, key]) => positions[key].pageInfo.hasNextPage);
  return (
    <section aria-labelledby="positions-title">
      <h2 id="positions-title">Positions by topic</h2>
      {ordered.length === 0 ? <p>{name} has taken no position in the corpus.</p> : null}
      {truncated ? <p className="meta">Showing the first 100 claims of each stance.</p> : null}
      {ordered.map((topic) => (
        <section key={topic.name} className="topic-positions" aria-label={topic.name}>
          <h3>{topic.name}</h3>
          {STANCES.filter(([stance]) => topic.claims.has(stance)).map(([stance]) => (
            <div key={stance} className="stance-group">
              <h4>
                <StanceBadge stance={stance} />
              </h4>
              <ul>
                {topic.claims.get(stance)?.map((claim) => (
                  <li key={claim.id}>
                    <Link to={claimPath(claim.id)}>{claim.text}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
