// GET /api/v1/workspaces/{workspaceId}/channels/{channelId}/pins
import { listPinned } from "@/lib/domain/posts/pin-post";
import { route } from "@/lib/http/route";
import { listPinsContract } from "@/lib/validation/api/reactions";

export const GET = route(listPinsContract, ({ actor, params }) =>
  listPinned(actor, params.workspaceId, params.channelId),
);
