// POST /api/v1/workspaces/{workspaceId}/channels/{channelId}/read
import { markChannelAsRead } from "@/lib/domain/notifications/channel-settings";
import { route } from "@/lib/http/route";
import { markChannelReadContract } from "@/lib/validation/api/channels";

export const POST = route(markChannelReadContract, ({ actor, params }) =>
  markChannelAsRead(actor, params.workspaceId, params.channelId),
);
