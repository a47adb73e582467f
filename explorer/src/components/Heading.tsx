import { useEffect, useRef, type ReactNode } from "react";

/** A page's title; it takes the focus when the page changes, so screen readers announce it. */
export function Heading({ children, focusKey }: { children: ReactNode; focusKey: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
