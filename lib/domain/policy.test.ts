import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { allScopes, type Actor, type Role, type Scope } from "./actor";
import { decodeCursor, encodeCursor, paginate } from "./pagination";
import {
  assertCanAddChannelMember,
  assertCanChangeRole,
  assertCanCommentInChannel,
  assertCanCreateChannel,
  assertCanCreateToken,
  assertCanDeletePost,
  assertCanEditPost,
  assertCanInvite,
  assertCanJoinChannel,
  assertCanListMembers,
  assertCanManageChannel,
  assertCanManageInvites,
  assertCanPostToChannel,
  assertCanReadAuditLog,
  assertCanRemoveChannelMember,
  assertCanRemoveMember,
  canChangeRole,
  canCommentInChannel,
  canCreateChannel,
  canCreateToken,
  canDeletePost,
  canEditPost,
  canJoinChannel,
  canListMembers,
  canManageChannel,
  canManageChannelMembers,
  canPostToChannel,
  canReadAuditLog,
  canRemoveMember,
  canRevokeToken,
  canManageWebhooks,
  assertCanManageWebhooks,
  canViewChannel,
  canViewWorkspace,
  guestMayHoldChannelMembership,
  requireWorkspaceMember,
  type ChannelFacts,
} from "./policy";

const WS = "ws_1";
const OTHER_WS = "ws_2";
type Who = Role | "OUTSIDER";
const everyone: Who[] = ["OWNER", "ADMIN", "MEMBER", "GUEST", "OUTSIDER"];

/** An actor with `who` in WS (an outsider belongs only to another workspace). */
function actor(who: Who, userId = `u_${who.toLowerCase()}`, scopes: ReadonlySet<Scope> = allScopes): Actor {
  const roles: Record<string, Role> = who === "OUTSIDER" ? { [OTHER_WS]: "OWNER" } : { [WS]: who };
  return { userId, via: "session", roles, scopes };
}

const kinds = ["PUBLIC", "PRIVATE", "ANNOUNCEMENT"] as const;
const channel = (kind: ChannelFacts["kind"], opts: { member?: boolean; archived?: boolean } = {}): ChannelFacts => ({
  workspaceId: WS,
  kind,
  archivedAt: opts.archived ? new Date("2026-01-01T00:00:00Z") : null,
  isMember: opts.member ?? false,
});

/** Every combination of role × kind × channel membership × archived, with the expected answer. */
function matrix(expected: (who: Who, kind: ChannelFacts["kind"], member: boolean, archived: boolean) => boolean) {
  const rows: [string, Who, ChannelFacts, boolean][] = [];
  for (const who of everyone)
    for (const kind of kinds)
      for (const member of [true, false])
        for (const archived of [false, true])
          rows.push([
            `${who} ${kind}${member ? " member" : " non-member"}${archived ? " archived" : ""}`,
            who,
            channel(kind, { member, archived }),
            expected(who, kind, member, archived),
          ]);
  return rows;
}

const isStaff = (who: Who) => who === "OWNER" || who === "ADMIN";
const inWs = (who: Who) => who !== "OUTSIDER";

describe("canManageWebhooks", () => {
  it.each(everyone)("%s: only admins and owners", (who) => {
    expect(canManageWebhooks(actor(who), WS)).toBe(isStaff(who));
  });
  it("refuses outsiders with 404 and members with 403", () => {
    const codeOf = (who: Who) => {
      try {
        assertCanManageWebhooks(actor(who), WS);
        return "ok";
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(everyone.map(codeOf)).toEqual(["ok", "ok", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"]);
  });
});

describe("canViewWorkspace", () => {
  it.each(everyone)("%s", (who) => {
    expect(canViewWorkspace(actor(who), WS)).toBe(inWs(who));
  });
  it("does not treat inherited object keys as membership", () => {
    expect(canViewWorkspace(actor("OWNER"), "constructor")).toBe(false);
    expect(canViewWorkspace(actor("OWNER"), "__proto__")).toBe(false);
  });
});

describe("canViewChannel", () => {
  const expected = (who: Who, kind: string, member: boolean) => {
    if (!inWs(who)) return false;
    if (who === "GUEST" || kind === "PRIVATE") return member;
    return true;
  };
  it.each(matrix(expected))("%s", (_, who, ch, result) => {
    expect(canViewChannel(actor(who), ch)).toBe(result);
  });
  it("never lets a channel of another workspace be seen through a role here", () => {
    expect(canViewChannel(actor("OWNER"), { ...channel("PUBLIC", { member: true }), workspaceId: OTHER_WS })).toBe(
      false,
    );
  });
});

describe("canPostToChannel", () => {
  const expected = (who: Who, kind: string, member: boolean, archived: boolean) => {
    if (!inWs(who) || archived) return false;
    if ((who === "GUEST" || kind === "PRIVATE") && !member) return false;
    if (kind === "ANNOUNCEMENT") return isStaff(who);
    return true;
  };
  it.each(matrix(expected))("%s", (_, who, ch, result) => {
    expect(canPostToChannel(actor(who), ch)).toBe(result);
  });
});

describe("canCommentInChannel", () => {
  const expected = (who: Who, kind: string, member: boolean, archived: boolean) => {
    if (!inWs(who) || archived) return false;
    return who === "GUEST" || kind === "PRIVATE" ? member : true;
  };
  it.each(matrix(expected))("%s", (_, who, ch, result) => {
    expect(canCommentInChannel(actor(who), ch)).toBe(result);
  });
  it("lets members comment where only admins may post (announcements)", () => {
    const ann = channel("ANNOUNCEMENT", { member: true });
    expect(canPostToChannel(actor("MEMBER"), ann)).toBe(false);
    expect(canCommentInChannel(actor("MEMBER"), ann)).toBe(true);
  });
});

describe("canCreateChannel", () => {
  const cases = everyone.flatMap((who) =>
    kinds.map(
      (kind) =>
        [who, kind, kind === "PUBLIC" ? who === "OWNER" || who === "ADMIN" || who === "MEMBER" : isStaff(who)] as const,
    ),
  );
  it.each(cases)("%s creates %s → %s", (who, kind, result) => {
    expect(canCreateChannel(actor(who), WS, kind)).toBe(result);
  });
});

describe("canManageChannel", () => {
  it.each(matrix((who) => isStaff(who)))("%s", (_, who, ch, result) => {
    expect(canManageChannel(actor(who), ch)).toBe(result);
  });
});

describe("canJoinChannel", () => {
  const expected = (who: Who, kind: string, _member: boolean, archived: boolean) =>
    kind !== "PRIVATE" && !archived && (isStaff(who) || who === "MEMBER");
  it.each(matrix(expected))("%s", (_, who, ch, result) => {
    expect(canJoinChannel(actor(who), ch)).toBe(result);
  });
});

describe("canManageChannelMembers", () => {
  const expected = (who: Who, kind: string, member: boolean) =>
    isStaff(who) || (who === "MEMBER" && kind === "PRIVATE" && member);
  it.each(matrix(expected))("%s", (_, who, ch, result) => {
    expect(canManageChannelMembers(actor(who), ch)).toBe(result);
  });
});

describe("guestMayHoldChannelMembership (what a demotion to guest keeps)", () => {
  it.each([
    ["added by someone else", { userId: "u_1", addedById: "u_admin" }, true],
    [
      "joined by themselves (or with the workspace, or as the channel's creator)",
      { userId: "u_1", addedById: null },
      false,
    ],
    ["recorded as added by themselves", { userId: "u_1", addedById: "u_1" }, false],
  ])("%s", (_, membership, result) => {
    expect(guestMayHoldChannelMembership(membership)).toBe(result);
  });
});

describe("posts: edit and delete", () => {
  const cases = everyone.flatMap((who) => [true, false].map((own) => [who, own] as const));
  it.each(cases)("%s, own post: %s", (who, own) => {
    const me = actor(who);
    const post = { workspaceId: WS, authorId: own ? me.userId : "u_someone_else" };
    expect(canEditPost(me, post)).toBe(inWs(who) && own);
    expect(canDeletePost(me, post)).toBe(inWs(who) && (own || isStaff(who)));
  });
  it("an author who has left the workspace can neither edit nor delete", () => {
    const gone = actor("OUTSIDER", "u_author");
    expect(canEditPost(gone, { workspaceId: WS, authorId: "u_author" })).toBe(false);
    expect(canDeletePost(gone, { workspaceId: WS, authorId: "u_author" })).toBe(false);
  });
});

describe("canListMembers", () => {
  it.each(everyone)("%s", (who) => {
    expect(canListMembers(actor(who), WS)).toBe(isStaff(who) || who === "MEMBER");
  });
});

describe("canChangeRole", () => {
  const roles: Role[] = ["OWNER", "ADMIN", "MEMBER", "GUEST"];
  const cases = everyone.flatMap((who) => roles.flatMap((from) => roles.map((to) => [who, from, to] as const)));
  it.each(cases)("%s changes someone %s → %s", (who, from, to) => {
    const expected = who === "OWNER" ? true : who === "ADMIN" ? from !== "OWNER" && to !== "OWNER" : false;
    expect(canChangeRole(actor(who), WS, { userId: "u_target", role: from }, to)).toBe(expected);
  });
  it.each(roles)("nobody changes their own role (%s)", (role) => {
    const me = actor(role);
    for (const to of roles) expect(canChangeRole(me, WS, { userId: me.userId, role }, to)).toBe(false);
  });
});

describe("canRemoveMember", () => {
  const roles: Role[] = ["OWNER", "ADMIN", "MEMBER", "GUEST"];
  const cases = everyone.flatMap((who) => roles.map((target) => [who, target] as const));
  it.each(cases)("%s removes a %s", (who, target) => {
    const expected = who === "OWNER" || (who === "ADMIN" && target !== "OWNER");
    expect(canRemoveMember(actor(who), WS, { userId: "u_target", role: target })).toBe(expected);
  });
  it.each(everyone)("%s leaves by themselves", (who) => {
    const me = actor(who);
    expect(canRemoveMember(me, WS, { userId: me.userId, role: who === "OUTSIDER" ? "MEMBER" : who })).toBe(inWs(who));
  });
});

describe("API tokens", () => {
  it.each(everyone)("%s creates a token", (who) => {
    expect(canCreateToken(actor(who), WS)).toBe(isStaff(who) || who === "MEMBER");
  });
  const cases = everyone.flatMap((who) => [true, false].map((own) => [who, own] as const));
  it.each(cases)("%s revokes a token, own: %s", (who, own) => {
    const me = actor(who);
    expect(canRevokeToken(me, { workspaceId: WS, userId: own ? me.userId : "u_other" })).toBe(
      inWs(who) && (own || isStaff(who)),
    );
  });
});

/** What `fn` threw, as `code: message`; "allowed" when it did not throw. */
function refusal(fn: () => unknown): string {
  try {
    fn();
    return "allowed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

describe("canReadAuditLog", () => {
  it.each(everyone)("%s", (who) => {
    expect(canReadAuditLog(actor(who), WS)).toBe(who === "OWNER");
  });
  it("an owner elsewhere reads nothing here", () => {
    expect(canReadAuditLog(actor("OUTSIDER"), WS)).toBe(false);
    expect(canReadAuditLog(actor("OWNER"), OTHER_WS)).toBe(false);
  });
});

describe("throwing twins: each refusal says why", () => {
  const NO_WORKSPACE = "NOT_FOUND: Workspace not found";

  it("requireWorkspaceMember answers the role, and 404s outsiders", () => {
    expect(requireWorkspaceMember(actor("GUEST"), WS)).toBe("GUEST");
    expect(refusal(() => requireWorkspaceMember(actor("OUTSIDER"), WS))).toBe(NO_WORKSPACE);
    expect(refusal(() => requireWorkspaceMember(actor("OWNER"), "__proto__"))).toBe(NO_WORKSPACE);
  });

  it("assertCanReadAuditLog", () => {
    expect(refusal(() => assertCanReadAuditLog(actor("OUTSIDER"), WS))).toBe(NO_WORKSPACE);
    for (const who of ["ADMIN", "MEMBER", "GUEST"] as const)
      expect(refusal(() => assertCanReadAuditLog(actor(who), WS))).toBe(
        "FORBIDDEN: Only owners can read the audit log",
      );
    expect(refusal(() => assertCanReadAuditLog(actor("OWNER"), WS))).toBe("allowed");
  });

  it("assertCanCreateChannel", () => {
    expect(refusal(() => assertCanCreateChannel(actor("OUTSIDER"), WS, "PUBLIC"))).toBe(NO_WORKSPACE);
    expect(refusal(() => assertCanCreateChannel(actor("GUEST"), WS, "PUBLIC"))).toBe(
      "FORBIDDEN: Guests cannot create channels",
    );
    for (const kind of ["PRIVATE", "ANNOUNCEMENT"] as const)
      expect(refusal(() => assertCanCreateChannel(actor("MEMBER"), WS, kind))).toBe(
        "FORBIDDEN: Only admins can create private and announcement channels",
      );
    expect(refusal(() => assertCanCreateChannel(actor("MEMBER"), WS, "PUBLIC"))).toBe("allowed");
    expect(refusal(() => assertCanCreateChannel(actor("ADMIN"), WS, "PRIVATE"))).toBe("allowed");
  });

  it("assertCanPostToChannel", () => {
    const archived = channel("PUBLIC", { member: true, archived: true });
    expect(refusal(() => assertCanPostToChannel(actor("OWNER"), archived))).toBe("FORBIDDEN: This channel is archived");
    expect(refusal(() => assertCanPostToChannel(actor("MEMBER"), channel("ANNOUNCEMENT", { member: true })))).toBe(
      "FORBIDDEN: Only admins can post in announcement channels",
    );
    expect(refusal(() => assertCanPostToChannel(actor("GUEST"), channel("PUBLIC")))).toBe(
      "FORBIDDEN: You cannot post in this channel",
    );
    expect(refusal(() => assertCanPostToChannel(actor("ADMIN"), channel("ANNOUNCEMENT")))).toBe("allowed");
  });

  it("assertCanCommentInChannel", () => {
    expect(refusal(() => assertCanCommentInChannel(actor("MEMBER"), channel("PUBLIC", { archived: true })))).toBe(
      "FORBIDDEN: This channel is archived",
    );
    expect(refusal(() => assertCanCommentInChannel(actor("MEMBER"), channel("ANNOUNCEMENT")))).toBe("allowed");
  });

  it("assertCanManageChannel", () => {
    expect(refusal(() => assertCanManageChannel(actor("MEMBER"), channel("PUBLIC", { member: true })))).toBe(
      "FORBIDDEN: Only admins can change a channel",
    );
    expect(refusal(() => assertCanManageChannel(actor("ADMIN"), channel("PRIVATE")))).toBe("allowed");
  });

  it("assertCanJoinChannel", () => {
    expect(refusal(() => assertCanJoinChannel(actor("MEMBER"), channel("PUBLIC", { archived: true })))).toBe(
      "FORBIDDEN: This channel is archived",
    );
    expect(refusal(() => assertCanJoinChannel(actor("MEMBER"), channel("PRIVATE")))).toBe(
      "FORBIDDEN: Ask a member of this channel to add you",
    );
    expect(refusal(() => assertCanJoinChannel(actor("GUEST"), channel("PUBLIC")))).toBe(
      "FORBIDDEN: Ask a member of this channel to add you",
    );
    expect(refusal(() => assertCanJoinChannel(actor("MEMBER"), channel("PUBLIC")))).toBe("allowed");
  });

  it("assertCanAddChannelMember and assertCanRemoveChannelMember", () => {
    const me = actor("MEMBER");
    expect(refusal(() => assertCanAddChannelMember(me, channel("PUBLIC", { member: true })))).toBe(
      "FORBIDDEN: You cannot add people to this channel",
    );
    expect(refusal(() => assertCanAddChannelMember(me, channel("PRIVATE", { member: true })))).toBe("allowed");
    expect(refusal(() => assertCanRemoveChannelMember(me, channel("PUBLIC", { member: true }), "u_other"))).toBe(
      "FORBIDDEN: You cannot remove people from this channel",
    );
    expect(refusal(() => assertCanRemoveChannelMember(me, channel("PUBLIC", { member: true }), me.userId))).toBe(
      "allowed",
    );
  });

  it("assertCanEditPost and assertCanDeletePost", () => {
    const post = { workspaceId: WS, authorId: "u_someone_else" };
    expect(refusal(() => assertCanEditPost(actor("OWNER"), post))).toBe("FORBIDDEN: Only the author can edit a post");
    expect(refusal(() => assertCanDeletePost(actor("MEMBER"), post))).toBe(
      "FORBIDDEN: Only the author or an admin can delete a post",
    );
    expect(refusal(() => assertCanDeletePost(actor("ADMIN"), post))).toBe("allowed");
    const mine = actor("MEMBER");
    expect(refusal(() => assertCanEditPost(mine, { workspaceId: WS, authorId: mine.userId }))).toBe("allowed");
  });

  it("assertCanListMembers", () => {
    expect(refusal(() => assertCanListMembers(actor("OUTSIDER"), WS))).toBe(NO_WORKSPACE);
    expect(refusal(() => assertCanListMembers(actor("GUEST"), WS))).toBe(
      "FORBIDDEN: Guests cannot see the member list",
    );
    expect(refusal(() => assertCanListMembers(actor("MEMBER"), WS))).toBe("allowed");
  });

  it("assertCanChangeRole", () => {
    const admin = actor("ADMIN");
    expect(refusal(() => assertCanChangeRole(admin, WS, { userId: admin.userId, role: "ADMIN" }, "MEMBER"))).toBe(
      "FORBIDDEN: You cannot change your own role",
    );
    expect(refusal(() => assertCanChangeRole(admin, WS, { userId: "u_t", role: "MEMBER" }, "OWNER"))).toBe(
      "FORBIDDEN: You cannot give or take this role",
    );
    expect(refusal(() => assertCanChangeRole(admin, WS, { userId: "u_t", role: "MEMBER" }, "ADMIN"))).toBe("allowed");
  });

  it("assertCanRemoveMember", () => {
    expect(refusal(() => assertCanRemoveMember(actor("ADMIN"), WS, { userId: "u_t", role: "OWNER" }))).toBe(
      "FORBIDDEN: Only owners can remove an owner",
    );
    expect(refusal(() => assertCanRemoveMember(actor("MEMBER"), WS, { userId: "u_t", role: "GUEST" }))).toBe(
      "FORBIDDEN: Only admins can remove members",
    );
    expect(refusal(() => assertCanRemoveMember(actor("ADMIN"), WS, { userId: "u_t", role: "MEMBER" }))).toBe("allowed");
  });

  it("assertCanCreateToken", () => {
    expect(refusal(() => assertCanCreateToken(actor("OUTSIDER"), WS))).toBe(NO_WORKSPACE);
    expect(refusal(() => assertCanCreateToken(actor("GUEST"), WS))).toBe("FORBIDDEN: Guests cannot create API tokens");
    expect(refusal(() => assertCanCreateToken(actor("MEMBER"), WS))).toBe("allowed");
  });

  it("assertCanInvite and assertCanManageInvites", () => {
    expect(refusal(() => assertCanInvite(actor("OUTSIDER"), WS, "MEMBER"))).toBe(NO_WORKSPACE);
    expect(refusal(() => assertCanInvite(actor("MEMBER"), WS, "MEMBER"))).toBe(
      "FORBIDDEN: Only admins can invite people",
    );
    expect(refusal(() => assertCanInvite(actor("ADMIN"), WS, "OWNER"))).toBe(
      "FORBIDDEN: Only owners can invite owners",
    );
    expect(refusal(() => assertCanInvite(actor("ADMIN"), WS, "ADMIN"))).toBe("allowed");
    expect(refusal(() => assertCanManageInvites(actor("OUTSIDER"), WS))).toBe(NO_WORKSPACE);
    expect(refusal(() => assertCanManageInvites(actor("MEMBER"), WS))).toBe(
      "FORBIDDEN: Only admins can manage invites",
    );
    expect(refusal(() => assertCanManageInvites(actor("ADMIN"), WS))).toBe("allowed");
  });
});

describe("pagination cursors", () => {
  it("round-trips (createdAt, id)", () => {
    const k = { createdAt: new Date("2026-11-24T09:30:00.123Z"), id: "cm3x0k2ab0000qz8h1v2c3d4e" };
    const cursor = encodeCursor(k);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(k);
  });
  it("passes undefined through", () => {
    expect(decodeCursor(undefined)).toBeUndefined();
  });
  const b64 = (s: string) => Buffer.from(s).toString("base64url");
  it.each([
    ["not base64 JSON", "garbage"],
    ["empty", ""],
    ["JSON object", b64(JSON.stringify({ createdAt: "2026-01-01T00:00:00Z", id: "x" }))],
    ["one element", b64(JSON.stringify(["2026-01-01T00:00:00Z"]))],
    ["three elements", b64(JSON.stringify(["2026-01-01T00:00:00Z", "x", "y"]))],
    ["bad date", b64(JSON.stringify(["yesterday-ish", "x"]))],
    ["number id", b64(JSON.stringify(["2026-01-01T00:00:00Z", 5]))],
    ["null", b64("null")],
    // Found by the API fuzz test: these reached the query and Postgres refused them (a 500).
    ["an id with a NUL", b64(JSON.stringify(["1970-01-01T00:00:00.000Z", "\u0000"]))],
    ["an id that is not an id", b64(JSON.stringify(["2026-01-01T00:00:00Z", "\u202Eevil"]))],
    ["a year before 1", b64(JSON.stringify(["-000001-12-31T00:00:00.000Z", "abc"]))],
    ["a year after 9999", b64(JSON.stringify(["+010000-01-01T00:00:00.000Z", "abc"]))],
  ])("rejects a cursor that is %s with a 422 AppError", (_, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("VALIDATION_FAILED");
    expect((thrown as AppError).status).toBe(422);
    expect((thrown as AppError).message).toMatch(/cursor/);
  });
  it("paginate fetches one extra row and only then hands out a cursor", async () => {
    const rows = [3, 2, 1].map((n) => ({ createdAt: new Date(Date.UTC(2026, 0, n)), id: `p${n}` }));
    const takes: number[] = [];
    const first = await paginate(2, (take) => (takes.push(take), Promise.resolve(rows.slice(0, take))));
    expect(takes).toEqual([3]);
    expect(first.items.map((r) => r.id)).toEqual(["p3", "p2"]);
    expect(decodeCursor(first.nextCursor ?? undefined)).toEqual(rows[1]);
    const last = await paginate(5, (take) => Promise.resolve(rows.slice(0, take)));
    expect(last.items).toHaveLength(3);
    expect(last.nextCursor).toBeNull();
  });
});
