// GET /api/v1/workspaces/{workspaceId}/deleted-posts
import { listRecentlyDeleted } from "@/lib/domain/posts/restore-post";
import { route } from "@/lib/http/route";
import { listDeletedPostsContract } from "@/lib/validation/api/posts";

export const GET = route(listDeletedPostsContract, ({ actor, params, query }) =>
  listRecentlyDeleted(actor, params.workspaceId, query),
);
