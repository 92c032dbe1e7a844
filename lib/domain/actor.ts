// Who is acting, as lib/auth resolved it. Domain code trusts these claims and never re-reads them.
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
};

export const allScopes: ReadonlySet<Scope> = new Set(scopes);

export function roleIn(actor: Actor, workspaceId: string): Role | undefined {
  return Object.hasOwn(actor.roles, workspaceId) ? actor.roles[workspaceId] : undefined;
}

export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.scopes.has("admin") || actor.scopes.has(scope);
}

const rank: Record<Role, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1, GUEST: 0 };
export const atLeast = (role: Role | undefined, min: Role) => role !== undefined && rank[role] >= rank[min];
