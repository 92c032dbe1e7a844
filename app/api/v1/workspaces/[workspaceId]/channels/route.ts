// GET, POST /api/v1/workspaces/{workspaceId}/channels
import { createChannel } from "@/lib/domain/channels/create-channel";
import { listChannelsPage } from "@/lib/domain/channels/list-channels";
import { route } from "@/lib/http/route";
import { createChannelContract, listChannelsContract } from "@/lib/validation/api/channels";

export const GET = route(listChannelsContract, ({ actor, params, query }) =>
  listChannelsPage(actor, params.workspaceId, query),
);
export const POST = route(createChannelContract, ({ actor, params, body }) =>
  createChannel(actor, params.workspaceId, body),
);
