// POST /api/v1/workspaces/{workspaceId}/read
import { markAllChannelsAsRead } from "@/lib/domain/notifications/channel-settings";
import { route } from "@/lib/http/route";
import { markWorkspaceReadContract } from "@/lib/validation/api/inbox";

export const POST = route(markWorkspaceReadContract, ({ actor, params }) =>
  markAllChannelsAsRead(actor, params.workspaceId),
);
