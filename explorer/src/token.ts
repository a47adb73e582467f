import { useCallback, useMemo, useState } from "react";
import type { OperationContext } from "urql";

// The reviewer's bearer token, kept in this tab's sessionStorage: it survives a reload
// and the back button, and is gone when the tab closes. Never in the address (which
// history, bookmarks and logs keep) nor in localStorage (which outlives the browser).
const KEY = "claimtrace.reviewToken";

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage refused: the token lives in memory only
  }
}

export function useReviewToken(): [string | null, (token: string | null) => void] {
  const [token, setToken] = useState<string | null>(stored);
  const change = useCallback((next: string | null) => {
    try {
      if (next) sessionStorage.setItem(KEY, next);
      else sessionStorage.removeItem(KEY);
    } catch {
      // kept in memory below all the same
    }
    setToken(next);
  }, []);
  return [token, change];
}

/** The urql context that sends the token: as the Authorization header, and nowhere else. */
export function useAuthContext(token: string | null): Partial<OperationContext> {
  return useMemo(() => {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    // A review answers a Candidate: the list is fetched again even when it was empty.
    return { fetchOptions: { headers }, additionalTypenames: ["Candidate"] };
  }, [token]);
}
