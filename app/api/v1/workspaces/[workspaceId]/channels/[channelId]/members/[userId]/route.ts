// DELETE /api/v1/workspaces/{workspaceId}/channels/{channelId}/members/{userId} — leave (own id) or remove.
import { removeChannelMember } from "@/lib/domain/channels/channel-membership";
import { route } from "@/lib/http/route";
import { removeChannelMemberContract } from "@/lib/validation/api/channels";

export const DELETE = route(removeChannelMemberContract, async ({ actor, params }) => {
  await removeChannelMember(actor, params.workspaceId, params.channelId, params.userId);
  return null;
});
