// Who is acting, as lib/auth resolved it. Domain code trusts these claims and never re-reads them.
import { AppError } from "@/lib/errors";
import { scopes, type Role, type Scope } from "@/lib/validation/enums";

export { roles, scopes, type Role, type Scope } from "@/lib/validation/enums";

export type Actor = {
  userId: string;
  /** How the caller proved who they are: a browser session or an API token. */
  via: "session" | "token";
  /** workspace id → role; a token actor holds only its own workspace. */
  roles: Readonly<Record<string, Role>>;
  /** Scopes granted; a session holds them all. */
  scopes: ReadonlySet<Scope>;
  tokenId?: string;
  /** The signed-in session (browser callers): what "this device" and "end other sessions" refer to. */
  sessionId?: string;
  /**
   * Workspaces the person belongs to that require two-step sign-in they have not turned on: absent from `roles`, so
   * nothing there is theirs until they set it up; addressing one is refused with MFA_REQUIRED.
   */
  mfaSetupIn?: readonly string[];
};

export const allScopes: ReadonlySet<Scope> = new Set(scopes);

export function roleIn(actor: Actor, workspaceId: string): Role | undefined {
  if (Object.hasOwn(actor.roles, workspaceId)) return actor.roles[workspaceId];
  if (actor.mfaSetupIn?.includes(workspaceId)) throw mfaRequired();
  return undefined;
}

export const mfaRequired = () =>
  new AppError("MFA_REQUIRED", "This workspace requires two-step sign-in: turn it on in your security settings");

export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.scopes.has("admin") || actor.scopes.has(scope);
}

const rank: Record<Role, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1, GUEST: 0 };
export const atLeast = (role: Role | undefined, min: Role) => role !== undefined && rank[role] >= rank[min];
