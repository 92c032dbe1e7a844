// POST /api/v1/workspaces/{workspaceId}/channels/{channelId}/members — join (own id) or add someone.
import { addChannelMember, joinChannel } from "@/lib/domain/channels/channel-membership";
import { route } from "@/lib/http/route";
import { addChannelMemberContract } from "@/lib/validation/api/channels";

export const POST = route(addChannelMemberContract, async ({ actor, params, body }) => {
  if (body.userId === actor.userId) await joinChannel(actor, params.workspaceId, params.channelId);
  else await addChannelMember(actor, params.workspaceId, params.channelId, body.userId);
  return { channelId: params.channelId, userId: body.userId };
});
