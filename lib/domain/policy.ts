// Authorization: one plain function per question, decided from the actor's claims and the resource alone.
// Each `can…` answers yes or no (the UI hides what it would refuse); its throwing twin (`require…`, `assertCan…`),
// at the end of this file, is what domain operations call: it refuses with the AppError that says why.
import { forbidden, notFound } from "@/lib/errors";
import { atLeast, roleIn, type Actor, type Role } from "./actor";

export type ChannelFacts = {
  workspaceId: string;
  kind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
  archivedAt: Date | null;
  isMember: boolean;
};
export type PostFacts = { workspaceId: string; authorId: string };

/** Any role in the workspace. */
export const canViewWorkspace = (actor: Actor, workspaceId: string) => roleIn(actor, workspaceId) !== undefined;

/**
 * See a channel and its posts:
 * - not a workspace member → no
 * - guest → only channels they were added to
 * - private channel → only its members
 * - otherwise (public, announcement) → yes
 */
export function canViewChannel(actor: Actor, channel: ChannelFacts): boolean {
  const role = roleIn(actor, channel.workspaceId);
  if (!role) return false;
  if (role === "GUEST" || channel.kind === "PRIVATE") return channel.isMember;
  return true;
}

/**
 * Pin or unpin a post: whoever may post in its channel (so in an announcement channel, admins and owners), as a
 * shared noticeboard the team keeps; guests only where they were added and may post.
 */
export const canPinInChannel = (actor: Actor, channel: ChannelFacts) => canPostToChannel(actor, channel);

/**
 * Post to a channel:
 * - must be able to see it, and it must not be archived
 * - announcement channel → admins and owners only
 * - guests → only channels they were added to (covered by canViewChannel)
 */
export function canPostToChannel(actor: Actor, channel: ChannelFacts): boolean {
  if (!canViewChannel(actor, channel) || channel.archivedAt) return false;
  if (channel.kind === "ANNOUNCEMENT") return atLeast(roleIn(actor, channel.workspaceId), "ADMIN");
  return true;
}

/** Comment: anyone who can see the channel, while it is not archived (announcements can be discussed). */
export const canCommentInChannel = (actor: Actor, channel: ChannelFacts) =>
  canViewChannel(actor, channel) && !channel.archivedAt;

/**
 * Create a channel: members create public ones; private and announcement channels are for admins and owners.
 * Guests create none.
 */
export function canCreateChannel(actor: Actor, workspaceId: string, kind: ChannelFacts["kind"]): boolean {
  const role = roleIn(actor, workspaceId);
  return kind === "PUBLIC" ? atLeast(role, "MEMBER") : atLeast(role, "ADMIN");
}

/** Rename, describe, archive: admins and owners. */
export const canManageChannel = (actor: Actor, channel: ChannelFacts) =>
  atLeast(roleIn(actor, channel.workspaceId), "ADMIN");

/** Join or leave by oneself: public and announcement channels, for members and up (guests are added by others). */
export function canJoinChannel(actor: Actor, channel: ChannelFacts): boolean {
  return channel.kind !== "PRIVATE" && !channel.archivedAt && atLeast(roleIn(actor, channel.workspaceId), "MEMBER");
}

/**
 * Which channel memberships a guest may hold (checked when someone is demoted to guest; the rest are removed):
 * - added by someone else → yes (that is how guests get their channels)
 * - joined by themselves, joined with the workspace, or created the channel → no
 */
export const guestMayHoldChannelMembership = (membership: { userId: string; addedById: string | null }) =>
  membership.addedById !== null && membership.addedById !== membership.userId;

/**
 * Add or remove others in a channel: admins and owners anywhere; in a private channel also its
 * non-guest members.
 */
export function canManageChannelMembers(actor: Actor, channel: ChannelFacts): boolean {
  const role = roleIn(actor, channel.workspaceId);
  if (atLeast(role, "ADMIN")) return true;
  return channel.kind === "PRIVATE" && channel.isMember && atLeast(role, "MEMBER");
}

/** Edit a post: its author only. */
export const canEditPost = (actor: Actor, post: PostFacts) =>
  roleIn(actor, post.workspaceId) !== undefined && post.authorId === actor.userId;

/** Delete a post: its author, or an admin or owner. */
export function canDeletePost(actor: Actor, post: PostFacts): boolean {
  const role = roleIn(actor, post.workspaceId);
  return role !== undefined && (post.authorId === actor.userId || atLeast(role, "ADMIN"));
}

/** See the member list: anyone in the workspace except guests. */
export const canListMembers = (actor: Actor, workspaceId: string) => atLeast(roleIn(actor, workspaceId), "MEMBER");

/**
 * Change someone's role:
 * - admins and owners only, never their own role (an owner hands over by promoting another first)
 * - only owners touch owners: grant OWNER, or change an owner's role
 */
export function canChangeRole(
  actor: Actor,
  workspaceId: string,
  target: { userId: string; role: Role },
  newRole: Role,
): boolean {
  const role = roleIn(actor, workspaceId);
  if (!atLeast(role, "ADMIN") || target.userId === actor.userId) return false;
  if (target.role === "OWNER" || newRole === "OWNER") return role === "OWNER";
  return true;
}

/**
 * Remove a member:
 * - anyone may leave themselves
 * - admins and owners remove others; owners can be removed only by owners
 */
export function canRemoveMember(actor: Actor, workspaceId: string, target: { userId: string; role: Role }): boolean {
  const role = roleIn(actor, workspaceId);
  if (!role) return false;
  if (target.userId === actor.userId) return true;
  if (!atLeast(role, "ADMIN")) return false;
  return target.role !== "OWNER" || role === "OWNER";
}

/** Create API tokens in a workspace: any member except guests. */
export const canCreateToken = (actor: Actor, workspaceId: string) => atLeast(roleIn(actor, workspaceId), "MEMBER");

/** Revoke a token: its owner, or an admin or owner of the workspace. */
export function canRevokeToken(actor: Actor, token: { workspaceId: string; userId: string }): boolean {
  const role = roleIn(actor, token.workspaceId);
  return role !== undefined && (token.userId === actor.userId || atLeast(role, "ADMIN"));
}

/**
 * Invite people, and revoke or resend invites: admins and owners. Only owners invite someone as an owner.
 */
export function canInvite(actor: Actor, workspaceId: string, role?: Role): boolean {
  const mine = roleIn(actor, workspaceId);
  if (!atLeast(mine, "ADMIN")) return false;
  return role !== "OWNER" || mine === "OWNER";
}

/**
 * See health details (error text, addresses, data directory, adapters, outbox counts): an operator only —
 * whoever holds HEALTH_TOKEN, or someone signed in (not an API token) who owns a workspace. Others see ok per layer.
 */
export const canSeeHealthDetails = (actor: Actor | null, operatorToken: boolean) =>
  operatorToken || (actor?.via === "session" && Object.values(actor.roles).includes("OWNER"));

// ---- Throwing twins: the same questions, refused with the error that says why. ----

/** The actor's role in the workspace; 404 for outsiders (a workspace's existence is not theirs to learn). */
export function requireWorkspaceMember(actor: Actor, workspaceId: string): Role {
  const role = roleIn(actor, workspaceId);
  if (!role) throw notFound("Workspace");
  return role;
}

export function assertCanCreateChannel(actor: Actor, workspaceId: string, kind: ChannelFacts["kind"]): void {
  requireWorkspaceMember(actor, workspaceId);
  if (canCreateChannel(actor, workspaceId, kind)) return;
  throw forbidden(
    kind === "PUBLIC" ? "Guests cannot create channels" : "Only admins can create private and announcement channels",
  );
}

export function assertCanPostToChannel(actor: Actor, channel: ChannelFacts): void {
  if (canPostToChannel(actor, channel)) return;
  if (channel.archivedAt) throw forbidden("This channel is archived");
  if (channel.kind === "ANNOUNCEMENT") throw forbidden("Only admins can post in announcement channels");
  throw forbidden("You cannot post in this channel");
}

export function assertCanCommentInChannel(actor: Actor, channel: ChannelFacts): void {
  if (!canCommentInChannel(actor, channel)) throw forbidden("This channel is archived");
}

export function assertCanManageChannel(actor: Actor, channel: ChannelFacts): void {
  if (!canManageChannel(actor, channel)) throw forbidden("Only admins can change a channel");
}

export function assertCanJoinChannel(actor: Actor, channel: ChannelFacts): void {
  if (canJoinChannel(actor, channel)) return;
  throw forbidden(channel.archivedAt ? "This channel is archived" : "Ask a member of this channel to add you");
}

export function assertCanAddChannelMember(actor: Actor, channel: ChannelFacts): void {
  if (!canManageChannelMembers(actor, channel)) throw forbidden("You cannot add people to this channel");
}

/** Anyone may leave a channel; removing someone else takes canManageChannelMembers. */
export function assertCanRemoveChannelMember(actor: Actor, channel: ChannelFacts, userId: string): void {
  if (userId !== actor.userId && !canManageChannelMembers(actor, channel)) {
    throw forbidden("You cannot remove people from this channel");
  }
}

export function assertCanEditPost(actor: Actor, post: PostFacts): void {
  if (!canEditPost(actor, post)) throw forbidden("Only the author can edit a post");
}

export function assertCanDeletePost(actor: Actor, post: PostFacts): void {
  if (!canDeletePost(actor, post)) throw forbidden("Only the author or an admin can delete a post");
}

export function assertCanListMembers(actor: Actor, workspaceId: string): void {
  requireWorkspaceMember(actor, workspaceId);
  if (!canListMembers(actor, workspaceId)) throw forbidden("Guests cannot see the member list");
}

export function assertCanChangeRole(
  actor: Actor,
  workspaceId: string,
  target: { userId: string; role: Role },
  newRole: Role,
): void {
  if (canChangeRole(actor, workspaceId, target, newRole)) return;
  throw forbidden(
    target.userId === actor.userId ? "You cannot change your own role" : "You cannot give or take this role",
  );
}

export function assertCanRemoveMember(actor: Actor, workspaceId: string, target: { userId: string; role: Role }): void {
  if (canRemoveMember(actor, workspaceId, target)) return;
  throw forbidden(target.role === "OWNER" ? "Only owners can remove an owner" : "Only admins can remove members");
}

export function assertCanCreateToken(actor: Actor, workspaceId: string): void {
  requireWorkspaceMember(actor, workspaceId);
  if (!canCreateToken(actor, workspaceId)) throw forbidden("Guests cannot create API tokens");
}

/** Invite someone with `role`. */
export function assertCanInvite(actor: Actor, workspaceId: string, role: Role): void {
  requireWorkspaceMember(actor, workspaceId);
  if (canInvite(actor, workspaceId, role)) return;
  throw forbidden(role === "OWNER" ? "Only owners can invite owners" : "Only admins can invite people");
}

/** List, revoke and resend invites. */
export function assertCanManageInvites(actor: Actor, workspaceId: string): void {
  requireWorkspaceMember(actor, workspaceId);
  if (!canInvite(actor, workspaceId)) throw forbidden("Only admins can manage invites");
}
