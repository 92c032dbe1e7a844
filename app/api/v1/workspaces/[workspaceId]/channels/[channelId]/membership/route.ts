// GET, PUT /api/v1/workspaces/{workspaceId}/channels/{channelId}/membership
import { getMyChannelMembership, updateMyChannelMembership } from "@/lib/domain/notifications/channel-settings";
import { route } from "@/lib/http/route";
import { getChannelMembershipContract, updateChannelMembershipContract } from "@/lib/validation/api/channels";

export const GET = route(getChannelMembershipContract, ({ actor, params }) =>
  getMyChannelMembership(actor, params.workspaceId, params.channelId),
);
export const PUT = route(updateChannelMembershipContract, ({ actor, params, body }) =>
  updateMyChannelMembership(actor, params.workspaceId, params.channelId, body),
);
