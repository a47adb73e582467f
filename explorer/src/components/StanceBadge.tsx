import type { Stance } from "../gql/graphql";
import { STANCE_LABEL } from "../format";

export function StanceBadge({ stance }: { stance: Stance | null | undefined }) {
  if (!stance) return <span className="stance stance-none">said nothing</span>;
  return <span className={`stance stance-${stance.toLowerCase()}`}>{STANCE_LABEL[stance]}</span>;
}
