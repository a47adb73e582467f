import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQuery, type CombinedError, type OperationContext } from "urql";
import { Heading } from "../components/Heading";
import { StanceBadge } from "../components/StanceBadge";
import { Status } from "../components/Status";
import type { CandidateFilter, CandidateKind, CandidateStatus, ReviewCandidatesQuery } from "../gql/graphql";
import { agentPath, claimPath, lowerWords, whenText } from "../format";
import {
  ConfirmCandidateMutation,
  RejectCandidateMutation,
  ReviewCandidatesQuery as CandidatesQuery,
  UndoCandidateReviewMutation,
} from "../queries";
import { useAuthContext, useReviewToken } from "../token";

const PAGE_SIZE = 20;
const KINDS: CandidateKind[] = ["NUMERIC", "REVISION", "OPPOSITE_STANCE", "LIKELY_SAME"];
const STATUSES: CandidateStatus[] = ["PENDING", "CONFIRMED", "REJECTED"];
// Without a status in the address the page is the queue: what no one has reviewed yet.
const DEFAULT_STATUS: CandidateStatus = "PENDING";
const ANY = "ANY";

type Candidate = ReviewCandidatesQuery["candidates"]["edges"][number]["node"];
type Side = NonNullable<Candidate["firstAssertion"]>;
type Review = Candidate["reviews"][number];
type Notice = { text: string; failed: boolean };
// A review's answer: the candidate's reviews, its latest last, or what went wrong.
type Outcome = { error?: CombinedError; reviews?: Review[] };

/** The filter the address holds: kind, status (pending unless told) and claim. */
function filterFrom(params: URLSearchParams): CandidateFilter {
  const kind = params.get("kind");
  const status = params.get("status") ?? DEFAULT_STATUS;
  return {
    kinds: KINDS.includes(kind as CandidateKind) ? [kind as CandidateKind] : null,
    statuses: STATUSES.includes(status as CandidateStatus) ? [status as CandidateStatus] : null,
    claimId: params.get("claim") || null,
  };
}

/** Candidates for token holders to review: one request for the list, one per review. */
export function ReviewPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [token, setToken] = useReviewToken();
  const context = useAuthContext(token);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [result, refetch] = useQuery({
    query: CandidatesQuery,
    variables: { filter: filterFrom(params), first: PAGE_SIZE, after: params.get("after") },
    pause: !token,
    context,
    // Never a cached answer: it may have been read with another token.
    requestPolicy: "network-only",
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["kind", "status", "claim"]) {
      const value = String(form.get(name) ?? "");
      if (value && !(name === "status" && value === DEFAULT_STATUS)) next.set(name, value);
    }
    navigate({ search: next.toString() });
  }

  const refused = unauthenticated(result.error);
  const connection = result.data?.candidates;
  return (
    <>
      <Heading focusKey="review">Candidates to review</Heading>
      <p>
        Detection proposes conflicts and likely duplicates, each with the rule that found it and why. Until a
        person confirms one, it is a candidate, not something the graph states: the API shows candidates only
        to holders of a token, who confirm or reject them.
      </p>
      <TokenForm token={token} onChange={(next) => { setNotice(null); setToken(next); }} />
      {token ? (
        <>
          <FilterForm params={params} onSubmit={submit} />
          <NoticeLine notice={notice} />
          {refused ? (
            <p className="error" role="alert">
              The API did not accept this token ({refused}): forget it, then paste the right one.
            </p>
          ) : (
            <Status fetching={result.fetching} error={result.error} what="the candidates" />
          )}
          {connection && !refused ? (
            <section aria-labelledby="candidates-title">
              <h2 id="candidates-title">
                {connection.edges.length}
                {connection.pageInfo.hasNextPage ? "+" : ""} {describe(params)}
              </h2>
              <ol className="candidates">
                {connection.edges.map(({ node }) => (
                  <li key={node.id}>
                    <CandidateCard
                      candidate={node}
                      context={context}
                      onDone={(text, failed) => {
                        setNotice({ text, failed });
                        if (failed) refetch({ requestPolicy: "network-only" });
                      }}
                    />
                  </li>
                ))}
              </ol>
              {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
                <Link to={`?${withAfter(params, connection.pageInfo.endCursor)}`}>Next {PAGE_SIZE} candidates</Link>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function TokenForm({ token, onChange }: { token: string | null; onChange: (token: string | null) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("token") ?? "").trim();
    onChange(value || null);
    event.currentTarget.reset();
  }
  if (token) {
    return (
      <p className="token-held">
        A token is in use in this tab (kept until the tab is closed).{" "}
        <button type="button" className="secondary" onClick={() => onChange(null)}>
          Forget the token
        </button>
      </p>
    );
  }
  return (
    <form className="token-form" onSubmit={submit}>
      <label>
        Your API token
        <input name="token" type="password" autoComplete="off" required minLength={16} aria-describedby="token-help" />
      </label>
      <button type="submit">Use this token</button>
      <p id="token-help" className="meta">
        Sent only as this site's Authorization header, kept in this tab until it is closed, never in the address.
      </p>
    </form>
  );
}

function FilterForm({ params, onSubmit }: { params: URLSearchParams; onSubmit: (event: FormEvent<HTMLFormElement>) => void }) {
  const claim = params.get("claim");
  return (
    <form className="review-filters" onSubmit={onSubmit} key={params.toString()}>
      <label>
        Kind
        <select name="kind" defaultValue={params.get("kind") ?? ""}>
          <option value="">any kind</option>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>{lowerWords(kind)}</option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select name="status" defaultValue={params.get("status") ?? DEFAULT_STATUS}>
          {STATUSES.map((status) => (
            <option key={status} value={status}>{statusLabel(status)}</option>
          ))}
          <option value={ANY}>any status</option>
        </select>
      </label>
      {claim ? <input type="hidden" name="claim" value={claim} /> : null}
      <button type="submit">Show</button>
      {claim ? (
        <p className="meta">
          About the claim <Link to={claimPath(claim)}>{claim}</Link> only.{" "}
          <Link to={`?${without(params, "claim")}`}>Every claim</Link>
        </p>
      ) : null}
    </form>
  );
}

function NoticeLine({ notice }: { notice: Notice | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // The button pressed may be gone with its candidate: the outcome takes the focus.
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <p ref={ref} tabIndex={-1} className={notice.failed ? "error" : "done"} role={notice.failed ? "alert" : "status"}>
      {notice.text}
    </p>
  );
}

function CandidateCard(props: { candidate: Candidate; context: Partial<OperationContext>; onDone: (text: string, failed: boolean) => void }) {
  const { candidate: c, context, onDone } = props;
  const [confirmState, confirm] = useMutation(ConfirmCandidateMutation);
  const [rejectState, reject] = useMutation(RejectCandidateMutation);
  const [undoState, undo] = useMutation(UndoCandidateReviewMutation);
  const busy = confirmState.fetching || rejectState.fetching || undoState.fetching;
  const oneClaim = c.firstClaim.id === c.secondClaim.id;
  const who = c.firstAssertion && c.secondAssertion ? ` (${c.firstAssertion.speaker.name}; ${c.secondAssertion.speaker.name})` : "";
  const title = `${lowerWords(c.kind)} candidate on “${c.firstClaim.text}”${oneClaim ? "" : ` and “${c.secondClaim.text}”`}${who}`;

  async function review(action: string, run: () => Promise<Outcome>) {
    const { error, reviews } = await run();
    if (error || !reviews) {
      onDone(`Could not ${action} the ${title}: ${errorText(error)}`, true);
      return;
    }
    onDone(`${outcomeText(reviews[reviews.length - 1], oneClaim)} (${title})`, false);
  }
  const confirmIt = async (): Promise<Outcome> => {
    const { error, data } = await confirm({ id: c.id }, context);
    return { error, reviews: data?.confirmCandidate.reviews };
  };
  const rejectIt = async (reason: string): Promise<Outcome> => {
    const { error, data } = await reject({ id: c.id, reason }, context);
    return { error, reviews: data?.rejectCandidate.reviews };
  };
  const undoIt = async (reason: string): Promise<Outcome> => {
    const { error, data } = await undo({ id: c.id, reason }, context);
    return { error, reviews: data?.undoCandidateReview.reviews };
  };

  return (
    <article className="candidate" aria-label={title}>
      <header>
        <span className="kind">{lowerWords(c.kind)}</span> <span className={`status status-${c.status.toLowerCase()}`}>{statusLabel(c.status)}</span>{" "}
        <span className="meta">
          found {c.recordedAt.slice(0, 16).replace("T", " ")} UTC by the rule {c.reason.rule}: score {score(c.reason.score)}, threshold{" "}
          {score(c.reason.threshold)}
        </span>
      </header>
      <h3>
        {oneClaim ? (
          <Link to={claimPath(c.firstClaim.id)}>{c.firstClaim.text}</Link>
        ) : (
          <>
            <Link to={claimPath(c.firstClaim.id)}>{c.firstClaim.text}</Link>
            <span className="versus"> and </span>
            <Link to={claimPath(c.secondClaim.id)}>{c.secondClaim.text}</Link>
          </>
        )}
      </h3>
      <p className="reason">
        <strong>Why:</strong> {c.explanation}
      </p>
      {c.firstAssertion && c.secondAssertion ? (
        <div className="sides">
          <SideQuote title="One side" side={c.firstAssertion} />
          <SideQuote title="The other side" side={c.secondAssertion} />
        </div>
      ) : null}
      {c.reviews.length ? (
        <ol className="reviews" aria-label="Reviews, oldest first">
          {c.reviews.map((r) => (
            <li key={r.id}>
              {lowerWords(r.action)} by {r.by}, {r.recordedAt.slice(0, 16).replace("T", " ")} UTC
              {r.reason ? `: “${r.reason}”` : ""}
              {r.link ? ` (${r.link} link ${r.linkCreated ? "made" : "already there"})` : ""}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="review-actions">
        {c.status === "PENDING" ? (
          <>
            <button type="button" disabled={busy} onClick={() => review("confirm", confirmIt)}>
              Confirm
            </button>
            <ReasonForm
              summary="Reject…"
              label="Why reject it"
              button="Reject"
              busy={busy}
              onSubmit={(reason) => review("reject", () => rejectIt(reason))}
            />
          </>
        ) : (
          <ReasonForm
            summary="Undo this review…"
            label="Why undo it"
            button="Undo the review"
            busy={busy}
            onSubmit={(reason) => review("undo the review of", () => undoIt(reason))}
          />
        )}
      </div>
    </article>
  );
}

function SideQuote({ title, side }: { title: string; side: Side }) {
  return (
    <section className="side" aria-label={`${title}: ${side.speaker.name}`}>
      <h4>{title}</h4>
      <p>
        <Link to={agentPath(side.speaker)}>{side.speaker.name}</Link> <StanceBadge stance={side.stance} />{" "}
        <span className="meta">
          said {whenText(side.when)}, in {side.source.title}
        </span>
      </p>
      <blockquote className="quote">{side.quote}</blockquote>
    </section>
  );
}

function ReasonForm(props: { summary: string; label: string; button: string; busy: boolean; onSubmit: (reason: string) => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (reason) props.onSubmit(reason);
  }
  return (
    <details className="reason-form">
      <summary>{props.summary}</summary>
      <form onSubmit={submit}>
        <label>
          {props.label}
          <textarea name="reason" required maxLength={10000} rows={2} />
        </label>
        <button type="submit" disabled={props.busy}>
          {props.button}
        </button>
      </form>
    </details>
  );
}

function outcomeText(review: Review | undefined, oneClaim: boolean): string {
  if (!review) return "Done.";
  if (review.action === "REJECT") return "Rejected, with your reason: the pair will not be proposed again.";
  if (review.action === "UNDO") return "Review undone: the candidate is pending again.";
  if (review.link && review.linkCreated) return `Confirmed: the two claims are now linked by ${review.link}.`;
  if (review.link) return `Confirmed: the ${review.link} link was already there.`;
  return oneClaim
    ? "Confirmed. It is about one claim, so no link is made: the confirmed candidate is the record."
    : "Confirmed.";
}

/** What went wrong, in the API's words, with its code. */
function errorText(error: CombinedError | undefined): string {
  if (!error) return "the API gave no answer.";
  if (error.networkError) return "the API could not be reached.";
  return error.graphQLErrors
    .map((e) => {
      const code = typeof e.extensions?.code === "string" ? e.extensions.code : null;
      if (code === "UNAUTHENTICATED") return "the API did not accept this token (UNAUTHENTICATED).";
      return code ? `${e.message} (${code})` : e.message;
    })
    .join(" ");
}

function unauthenticated(error: CombinedError | undefined): string | null {
  return error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED") ? "UNAUTHENTICATED" : null;
}

function statusLabel(status: CandidateStatus): string {
  return status === "PENDING" ? "pending" : lowerWords(status);
}

function describe(params: URLSearchParams): string {
  const kind = params.get("kind");
  const status = params.get("status") ?? DEFAULT_STATUS;
  const kindText = KINDS.includes(kind as CandidateKind) ? `${lowerWords(kind ?? "")} ` : "";
  const statusText = STATUSES.includes(status as CandidateStatus) ? `${statusLabel(status as CandidateStatus)} ` : "";
  return `${statusText}${kindText}candidates, in the order found`;
}

function score(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function withAfter(params: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(params);
  next.set("after", cursor);
  return next.toString();
}

function without(params: URLSearchParams, name: string): string {
  const next = new URLSearchParams(params);
  next.delete(name);
  next.delete("after");
  return next.toString();
}
