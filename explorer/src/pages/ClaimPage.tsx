import { Suspense, lazy, useMemo } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { Heading } from "../components/Heading";
import { QuoteInSource } from "../components/QuoteInSource";
import { StanceBadge } from "../components/StanceBadge";
import { Status } from "../components/Status";
import type { ClaimProvenanceQuery as ProvenanceResult } from "../gql/graphql";
import { agentPath, claimPath, lowerWords, partialDate, quantityText, whenText } from "../format";
import { ClaimProvenanceQuery, SourceTextsQuery } from "../queries";

// Chart.js comes in its own file, fetched while the claim is already shown.
const Timeline = lazy(() => import("../components/Timeline"));

type Provenance = NonNullable<ProvenanceResult["provenance"]>;
type Assertion = Provenance["assertions"][number];
type Conflict = Provenance["conflicts"][number];
type Side = Conflict["thisSide"][number];

/** Where a claim comes from and who disagrees: two requests, the texts after the rest. */
export function ClaimPage() {
  const id = useParams().id ?? "";
  const [result] = useQuery({ query: ClaimProvenanceQuery, variables: { claimId: id } });
  const provenance = result.data?.provenance;
  const sourceIds = useMemo(
    () => [...new Set((provenance?.assertions ?? []).filter((a) => a.span).map((a) => a.source.globalId))],
    [provenance],
  );
  const [texts] = useQuery({ query: SourceTextsQuery, variables: { ids: sourceIds }, pause: sourceIds.length === 0 });
  const textById = new Map<string, string | null | undefined>();
  for (const node of texts.data?.nodes ?? []) {
    if (node && node.__typename === "Source") textById.set(node.id, node.text);
  }

  if (!provenance) {
    return (
      <>
        <Heading focusKey={id}>Claim</Heading>
        <Status fetching={result.fetching} error={result.error} what="the claim" />
        {!result.fetching && !result.error ? <p role="alert">There is no claim with the id “{id}”.</p> : null}
      </>
    );
  }
  const { claim } = provenance;
  return (
    <article className="claim-page">
      <p className="kicker">Claim</p>
      <Heading focusKey={id}>{claim.text}</Heading>
      <dl className="facts">
        <dt>Quantity</dt>
        <dd>{claim.quantity ? quantityText(claim.quantity) : "none stated"}</dd>
        <dt>Happened</dt>
        <dd>{partialDate(claim.refersTo)}</dd>
        <dt>Asserted by</dt>
        <dd>{claim.firstAsserted ? `${claim.firstAsserted.replace("T", " ")} at the latest` : "unknown"}</dd>
        <dt>Independent sources</dt>
        <dd>
          {provenance.independentSourceCount}
          {provenance.independentSourceCountWithRefinements !== provenance.independentSourceCount
            ? ` (${provenance.independentSourceCountWithRefinements} counting narrower claims)`
            : ""}
        </dd>
        <dt>Topics</dt>
        <dd>{claim.topics.length ? claim.topics.map((t) => t.name).join("; ") : "none"}</dd>
      </dl>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Who said it, and when</h2>
        <Suspense fallback={<p role="status">Loading the timeline…</p>}>
          <Timeline
          label={`Timeline of ${provenance.assertions.length} assertions: ${provenance.assertions
            .map((a) => `${a.speaker.name} ${a.stance.toLowerCase()}, ${whenText(a.when)}`)
            .join("; ")}`}
          points={provenance.assertions.map((a) => ({
            speaker: a.speaker.name,
            stance: a.stance,
            when: a.when,
            source: a.source.title,
          }))}
          />
        </Suspense>
      </section>

      <section aria-labelledby="assertions-title">
        <h2 id="assertions-title">Assertions ({provenance.assertions.length}), earliest first</h2>
        <ol className="assertions">
          {provenance.assertions.map((a) => (
            <li key={a.id}>
              <AssertionCard assertion={a} claimId={claim.id} text={textById.get(a.source.id)} loadingText={texts.fetching} />
            </li>
          ))}
        </ol>
        <Status fetching={false} error={texts.error} what="the sources' texts" />
      </section>

      <section aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">Conflicts ({provenance.conflicts.length})</h2>
        {provenance.conflicts.length === 0 ? <p>No claim is recorded as conflicting with this one.</p> : null}
        {provenance.conflicts.map((c) => (
          <ConflictCard key={c.otherClaim.id} conflict={c} />
        ))}
        <p className="meta">
          <Link to={`/review?claim=${encodeURIComponent(claim.id)}`}>Candidates about this claim</Link>: what
          detection found, for token holders to review.
        </p>
      </section>
    </article>
  );
}

function AssertionCard(props: { assertion: Assertion; claimId: string; text: string | null | undefined; loadingText: boolean }) {
  const { assertion: a, claimId, text, loadingText } = props;
  const { source } = a;
  return (
    <article className="assertion" aria-label={`${a.speaker.name}, ${lowerWords(a.stance)}`}>
      <header>
        <Link to={agentPath(a.speaker)}>{a.speaker.name}</Link> <StanceBadge stance={a.stance} />{" "}
        <span className="meta">
          {lowerWords(a.mode)}, {lowerWords(a.hedge)}; said {whenText(a.when)}
        </span>
        {a.retractedAt ? <span className="retracted"> withdrawn {a.retractedAt.slice(0, 10)}</span> : null}
        {a.rating ? <span className="meta"> rated “{a.rating}”</span> : null}
      </header>
      <QuoteInSource text={text} span={a.span} quote={a.quote} loading={loadingText} />
      <dl className="source-meta">
        <dt>Source</dt>
        <dd>
          {source.url ? <a href={source.url} rel="noreferrer">{source.title}</a> : source.title}
          {source.kind ? ` (${source.kind.toLowerCase()})` : ""}
        </dd>
        <dt>Publisher</dt>
        <dd>{source.publisher ? <Link to={agentPath({ __typename: "Organization", id: source.publisher.id })}>{source.publisher.name}</Link> : "unknown"}</dd>
        <dt>Authors</dt>
        <dd>
          {source.authors.length
            ? source.authors.map((author, i) => (
                <span key={author.id}>
                  {i > 0 ? ", " : ""}
                  <Link to={agentPath(author)}>{author.name}</Link>
                </span>
              ))
            : "unknown"}
        </dd>
        <dt>Published</dt>
        <dd>{partialDate(source.published)}</dd>
      </dl>
      <Chain assertion={a} claimId={claimId} />
    </article>
  );
}

/** Whose words these pass on, down to the first speaker. */
function Chain({ assertion: a, claimId }: { assertion: Assertion; claimId: string }) {
  if (a.citationChain.length === 0) {
    return <p className="chain-none">{a.speaker.name} is the first speaker: these words cite no one.</p>;
  }
  return (
    <nav className="chain" aria-label={`Reported-speech chain from ${a.speaker.name}`}>
      <h3>Reported speech, down to the first speaker</h3>
      <ol>
        <li>
          <Link to={agentPath(a.speaker)}>{a.speaker.name}</Link>, in {a.source.title}
        </li>
        {a.citationChain.map((link, i) => (
          <li key={link.id}>
            <span className="meta">{i === a.citationChain.length - 1 ? "first speaker: " : "citing "}</span>
            <Link to={agentPath(link.speaker)}>{link.speaker.name}</Link> ({lowerWords(link.mode)}, {whenText(link.when)}), in {link.sourceTitle}
            <blockquote className="quote">{link.quote}</blockquote>
            {link.claimId && link.claimId !== claimId ? <Link to={claimPath(link.claimId)}>Their claim</Link> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict }) {
  return (
    <article className="conflict" aria-label={`Conflict: ${lowerWords(c.kind)}`}>
      <h3>
        {lowerWords(c.kind)} conflict with: <Link to={claimPath(c.otherClaim.id)}>{c.otherClaim.text}</Link>
      </h3>
      <p className="reason">
        <strong>Why:</strong> {c.note}
      </p>
      <div className="sides">
        <SideList title="On this claim" side={c.thisSide} />
        <SideList title="On the other claim" side={c.otherSide} />
      </div>
    </article>
  );
}

function SideList({ title, side }: { title: string; side: Side[] }) {
  return (
    <section className="side">
      <h4>{title}</h4>
      {side.length === 0 ? <p>No one.</p> : null}
      <ul>
        {side.map((s) => (
          <li key={s.id}>
            <Link to={agentPath(s.speaker)}>{s.speaker.name}</Link> <StanceBadge stance={s.stance} />{" "}
            <span className="meta">
              {whenText(s.when)}, in {s.sourceTitle}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
