// First run: a demo person, workspace, channels and a conversation, so a newcomer opens a living app.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/data/db/client";
import { findUserByEmail } from "@/lib/data/users";
import { allScopes, type Actor } from "../actor";
import { createChannel } from "../channels/create-channel";
import { listChannels } from "../channels/list-channels";
import { createComment } from "../comments/create-comment";
import { createPost } from "../posts/create-post";
import { signUp } from "../users/sign-up";
import { createWorkspace } from "../workspaces/create-workspace";

export const DEMO_EMAIL = "demo@tidings.local";

export type DemoSeed = { email: string; password: string; workspaceId: string };

/**
 * Seeds once: when the demo account already exists nothing happens (and null is returned), so the random
 * password is printed by the one run that created it.
 */
export async function seedDemo(): Promise<DemoSeed | null> {
  if (await findUserByEmail(await getDb(), DEMO_EMAIL)) return null;
  const password = `demo-${randomBytes(9).toString("base64url")}`;
  const { created: user } = await signUp({ name: "Demo Person", email: DEMO_EMAIL, password, timeZone: "UTC" });
  if (!user) return null; // another process seeded it at the same moment
  const base: Actor = { userId: user.id, via: "session", roles: {}, scopes: allScopes };
  const workspace = await createWorkspace(base, { name: "Demo team" });
  const actor: Actor = { ...base, roles: { [workspace.id]: "OWNER" } };

  const channels = await listChannels(actor, workspace.id);
  const general = channels.find((c) => c.name === "general");
  const news = await createChannel(actor, workspace.id, {
    name: "announcements",
    description: "News from the people who run things",
    kind: "ANNOUNCEMENT",
  });
  const random = await createChannel(actor, workspace.id, {
    name: "random",
    description: "Links, lunch and everything else",
    kind: "PUBLIC",
  });

  if (general) {
    const welcome = await createPost(actor, workspace.id, general.id, {
      title: "Welcome to Tidings",
      body: [
        "Tidings is where this team talks **asynchronously**: write a post, and people reply when they are ready.",
        "",
        "- Channels group posts by topic; *announcement* channels are for admins to post in.",
        "- Posts are written in Markdown — `code`, [links](https://example.com), lists and tables work.",
        "- Comments keep a conversation under the post it belongs to.",
        "",
        "Try it: write a post in #random, or create a channel of your own.",
      ].join("\n"),
    });
    await createComment(actor, workspace.id, welcome.id, {
      body: "First! Press Ctrl+Enter (⌘+Enter on a Mac) to send a comment.",
    });
  }
  await createPost(actor, workspace.id, news.id, {
    title: "API tokens are here",
    body: "Scripts and internal tools can now use the REST API at `/api/v1` with a token from the **API tokens** page. The OpenAPI document is at `/api/v1/openapi.json`.",
  });
  await createPost(actor, workspace.id, random.id, {
    title: "Lunch on Friday?",
    body: "The new place around the corner does a good soup. Who's in?",
  });
  return { email: DEMO_EMAIL, password, workspaceId: workspace.id };
}
