// GET, PATCH /api/v1/workspaces/{workspaceId}/channels/{channelId}
import { getChannelOrThrow } from "@/lib/domain/channels/get-channel";
import { updateChannel } from "@/lib/domain/channels/update-channel";
import { route } from "@/lib/http/route";
import { getChannelContract, updateChannelContract } from "@/lib/validation/api/channels";

export const GET = route(getChannelContract, ({ actor, params }) =>
  getChannelOrThrow(actor, params.workspaceId, params.channelId),
);
export const PATCH = route(updateChannelContract, ({ actor, params, body }) =>
  updateChannel(actor, params.workspaceId, params.channelId, body),
);
