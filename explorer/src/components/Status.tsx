import type { CombinedError } from "urql";

/** The loading and error states every page shares. */
export function Status({ fetching, error, what }: { fetching: boolean; error?: CombinedError; what: string }) {
  if (error) {
    const message = error.networkError
      ? "The API could not be reached."
      : error.graphQLErrors.map((e) => e.message).join(" ");
    return (
      <p className="error" role="alert">
        Could not load {what}: {message}
      </p>
    );
  }
  if (fetching) {
    return (
      <p className="loading" role="status" aria-live="polite">
        Loading {what}…
      </p>
    );
  }
  return null;
}
