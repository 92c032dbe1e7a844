// Server start-up on Node: the background runtime (outbox publisher; embedded executor and crons), and on a
// fresh embedded database the demo workspace, whose sign-in is printed this once.
import { startBackgroundRuntime } from "./inngest/runtime";
import { unreadMailProblem } from "./lib/domain/mail/dev-mailbox";
import { seedDemo } from "./lib/domain/seed/seed-demo";
import { env } from "./lib/env";

export async function startNodeRuntime() {
  startBackgroundRuntime();
  const mailProblem = await unreadMailProblem();
  if (mailProblem) console.warn(`[mail] ${mailProblem}`);
  await seedEmbeddedDemo();
}

async function seedEmbeddedDemo() {
  if (env.DATABASE_URL) return; // a managed database is never seeded behind its owner's back: `npm run db:seed` does that
  try {
    const demo = await seedDemo();
    if (!demo) return;
    const lines = [
      "A demo workspace is ready. Sign in with:",
      `  email:    ${demo.email}`,
      `  password: ${demo.password}`,
      `at ${env.APP_URL}/signin — this password is shown only now.`,
    ];
    console.info(`\n${lines.map((l) => `  ${l}`).join("\n")}\n`);
  } catch (error) {
    console.error("[seed] could not seed the demo workspace:", error);
  }
}
