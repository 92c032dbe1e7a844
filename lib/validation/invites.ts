import { z } from "zod";
import { dateOut, id, inWorkspace, linkToken } from "./common";
import { email } from "./users";
import { roleSchema } from "./workspaces";

export const inviteParams = z.strictObject({ workspaceId: id, inviteId: id });

export const createInviteInput = z
  .strictObject({ email, role: roleSchema.default("MEMBER") })
  .meta({ id: "CreateInviteInput" });
export type CreateInviteInput = z.infer<typeof createInviteInput>;

export const acceptInviteInput = z
  .strictObject({ token: z.string().trim().min(1).max(200).meta({ description: "The token from the invite link." }) })
  .meta({ id: "AcceptInviteInput" });
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;

export const inviteResponse = z
  .object({
    id,
    workspaceId: id,
    email: z.string(),
    role: roleSchema,
    invitedById: id,
    status: z.enum(["pending", "expired", "accepted", "revoked"]),
    expiresAt: dateOut,
    createdAt: dateOut,
  })
  .meta({ id: "Invite" });
export const inviteListResponse = z.array(inviteResponse);

export const acceptedInviteResponse = z
  .object({ workspaceId: id, workspaceName: z.string(), role: roleSchema, alreadyMember: z.boolean() })
  .meta({ id: "AcceptedInvite" });

// ---- Web forms ----

export const createInviteForm = z.strictObject({ ...inWorkspace, ...createInviteInput.shape });
export const inviteRefForm = z.strictObject({ ...inWorkspace, inviteId: id });
export const acceptInviteForm = z.strictObject({ token: linkToken });
