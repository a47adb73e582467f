import { type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, type CombinedError, type OperationContext } from "urql";
import type { ReviewCandidatesQuery } from "../gql/graphql";
import { agentPath, claimPath, lowerWords, statusLabel, whenText } from "../format";
import { ConfirmCandidateMutation, RejectCandidateMutation, UndoCandidateReviewMutation } from "../queries";
import { StanceBadge } from "./StanceBadge";

type Candidate = ReviewCandidatesQuery["candidates"]["edges"][number]["node"];
type Side = NonNullable<Candidate["firstAssertion"]>;
type Review = Candidate["reviews"][number];
// A review's answer: the candidate's reviews, its latest last, or what went wrong.
type Outcome = { error?: CombinedError; reviews?: Review[] };

/** One candidate: its claims, both sides, why, its reviews, and what a reviewer may do. */
export function CandidateCard(props: { candidate: Candidate; context: Partial<OperationContext>; onDone: (text: string, failed: boolean) => void }) {
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

function score(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
