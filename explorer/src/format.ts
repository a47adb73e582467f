import type { CandidateStatus, ClaimProvenanceQuery, DatePrecision, QuantityQualifier, Stance } from "./gql/graphql";

// The fewest fields of an assertion's date that the queries select (a conflict's sides).
type Side = NonNullable<ClaimProvenanceQuery["provenance"]>["conflicts"][number]["thisSide"][number];
export type WhenValue = Side["when"];
export type PartialDateValue = NonNullable<WhenValue["date"]>;

const PRECISION: Record<DatePrecision, string> = {
  YEAR: "to the year",
  MONTH: "to the month",
  DAY: "to the day",
  MINUTE: "to the minute",
};

export function partialDate(value: PartialDateValue | null | undefined): string {
  if (!value) return "unknown";
  return `${value.date.replace("T", " ")} (${PRECISION[value.precision]})`;
}

/** When an assertion was made, saying so when the date is unknown. */
export function whenText(when: WhenValue): string {
  if (when.date) {
    const basis = when.basis === "PUBLICATION" ? ", the publication's date" : "";
    return partialDate(when.date) + basis;
  }
  return `unknown, no later than ${when.notAfter.replace("T", " ")}`;
}

/** Milliseconds since the epoch of the start of a partial ISO date (read as UTC). */
export function dateMillis(value: string): number {
  const padded = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  const withTime = padded.includes("T") ? `${padded}Z` : `${padded}T00:00Z`;
  return Date.parse(withTime);
}

export const STANCE_LABEL: Record<Stance, string> = {
  SUPPORTS: "supports",
  REFUTES: "refutes",
  UNDECIDED: "undecided",
};

const QUALIFIER: Record<QuantityQualifier, string> = {
  EXACTLY: "exactly",
  AT_LEAST: "at least",
  MORE_THAN: "more than",
  ABOUT: "about",
  AT_MOST: "at most",
  FEWER_THAN: "fewer than",
};

export function quantityText(q: { value: number; unit: string; qualifier: QuantityQualifier }): string {
  return `${QUALIFIER[q.qualifier]} ${q.value.toLocaleString("en")} ${q.unit}`;
}

export function lowerWords(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

/** The explorer's page for a speaker or author. */
export function agentPath(agent: { __typename?: string; id: string }): string {
  const kind = agent.__typename === "Organization" ? "organization" : "person";
  return `/${kind}/${encodeURIComponent(agent.id)}`;
}

export function claimPath(id: string): string {
  return `/claim/${encodeURIComponent(id)}`;
}

export function statusLabel(status: CandidateStatus): string {
  return status === "PENDING" ? "pending" : lowerWords(status);
}
