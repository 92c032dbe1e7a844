// GET, POST /api/v1/workspaces/{workspaceId}/channels
import { createChannel } from "@/lib/domain/channels/create-channel";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { route } from "@/lib/http/route";
import { createChannelContract, listChannelsContract } from "@/lib/validation/api/channels";

export const GET = route(listChannelsContract, ({ actor, params }) => listChannels(actor, params.workspaceId));
export const POST = route(createChannelContract, ({ actor, params, body }) =>
  createChannel(actor, params.workspaceId, body),
);
