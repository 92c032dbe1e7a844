import { z } from "zod";
import { dateOut, id, text } from "./common";
import { roles } from "./enums";

export const roleSchema = z.enum(roles).meta({ id: "Role" });

export const createWorkspaceInput = z
  .strictObject({ name: text().trim().min(1, "is required").max(80, "must be at most 80 characters") })
  .meta({ id: "CreateWorkspaceInput" });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

export const workspaceResponse = z
  .object({
    id,
    name: z.string(),
    slug: z.string(),
    role: roleSchema,
    createdAt: dateOut,
    /** Members must have two-step sign-in on to use it (owners set this). */
    requireMfa: z.boolean(),
  })
  .meta({ id: "Workspace" });
export const workspaceListResponse = z.array(workspaceResponse);
