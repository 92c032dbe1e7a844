// The workspace MFA policy: a workspace whose owners require two-step sign-in is usable only by members who have it.
import type { Role } from "../actor";

type MembershipFacts = { workspaceId: string; role: Role; workspace: { requireMfa: boolean } };

/**
 * Which memberships the person may use now:
 * - the workspace does not require MFA → usable
 * - it does, and the person has TOTP turned on → usable
 * - it does, and they have not → they must set it up first (refused with MFA_REQUIRED)
 */
export function splitByMfaPolicy<M extends MembershipFacts>(memberships: M[], hasMfa: boolean) {
  const usable: M[] = [];
  const needSetup: M[] = [];
  for (const m of memberships) (m.workspace.requireMfa && !hasMfa ? needSetup : usable).push(m);
  return { usable, needSetup };
}
