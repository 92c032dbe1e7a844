// PATCH, DELETE /api/v1/workspaces/{workspaceId}/members/{userId}
import { changeMemberRole } from "@/lib/domain/members/change-role";
import { removeMember } from "@/lib/domain/members/remove-member";
import { route } from "@/lib/http/route";
import { removeMemberContract, updateMemberContract } from "@/lib/validation/api/members";

export const PATCH = route(updateMemberContract, ({ actor, params, body }) =>
  changeMemberRole(actor, params.workspaceId, params.userId, body.role),
);
export const DELETE = route(removeMemberContract, async ({ actor, params }) => {
  await removeMember(actor, params.workspaceId, params.userId);
  return null;
});
