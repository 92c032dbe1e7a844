import { z } from "zod";
import { dateOut, id, inWorkspace } from "./common";
import { roleSchema } from "./workspaces";

export const memberParams = z.strictObject({ workspaceId: id, userId: id });

export const updateMemberInput = z.strictObject({ role: roleSchema }).meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

export const memberResponse = z
  .object({ userId: id, name: z.string(), handle: z.string(), email: z.string(), role: roleSchema, joinedAt: dateOut })
  .meta({ id: "Member" });
export const memberListResponse = z.array(memberResponse);

// ---- Web forms ----

export const changeRoleForm = z.strictObject({ ...inWorkspace, userId: id, role: roleSchema });
export const memberRefForm = z.strictObject({ ...inWorkspace, userId: id });
