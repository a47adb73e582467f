import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery, type CombinedError } from "urql";
import { CandidateCard } from "../components/CandidateCard";
import { Heading } from "../components/Heading";
import { Status } from "../components/Status";
import type { CandidateFilter, CandidateKind, CandidateStatus } from "../gql/graphql";
import { claimPath, lowerWords, statusLabel } from "../format";
import { ReviewCandidatesQuery as CandidatesQuery } from "../queries";
import { useAuthContext, useReviewToken } from "../token";

const PAGE_SIZE = 20;
const KINDS: CandidateKind[] = ["NUMERIC", "REVISION", "OPPOSITE_STANCE", "LIKELY_SAME"];
const STATUSES: CandidateStatus[] = ["PENDING", "CONFIRMED", "REJECTED"];
// Without a status in the address the page is the queue: what no one has reviewed yet.
const DEFAULT_STATUS: CandidateStatus = "PENDING";
const ANY = "ANY";

type Notice = { text: string; failed: boolean };

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

function unauthenticated(error: CombinedError | undefined): string | null {
  return error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED") ? "UNAUTHENTICATED" : null;
}

function describe(params: URLSearchParams): string {
  const kind = params.get("kind");
  const status = params.get("status") ?? DEFAULT_STATUS;
  const kindText = KINDS.includes(kind as CandidateKind) ? `${lowerWords(kind ?? "")} ` : "";
  const statusText = STATUSES.includes(status as CandidateStatus) ? `${statusLabel(status as CandidateStatus)} ` : "";
  return `${statusText}${kindText}candidates, in the order found`;
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
