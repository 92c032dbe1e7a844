// GET, POST /api/v1/workspaces/{workspaceId}/channels/{channelId}/posts
import { createPost } from "@/lib/domain/posts/create-post";
import { listPosts } from "@/lib/domain/posts/list-posts";
import { route } from "@/lib/http/route";
import { createPostContract, listPostsContract } from "@/lib/validation/api/posts";

export const GET = route(listPostsContract, ({ actor, params, query }) =>
  listPosts(actor, params.workspaceId, params.channelId, query),
);
export const POST = route(createPostContract, ({ actor, params, body }) =>
  createPost(actor, params.workspaceId, params.channelId, body),
);
