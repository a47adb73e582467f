import { Link } from "react-router";
import { Heading } from "../components/Heading";

export function NotFound() {
  return (
    <>
      <Heading focusKey="not-found">No such page</Heading>
      <p>
        <Link to="/">Search the claims</Link> instead.
      </p>
    </>
  );
}
