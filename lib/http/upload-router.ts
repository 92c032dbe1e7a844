// The browser's uploads: one UploadThing file router (`attachments`) behind app/api/uploadthing, for both storage
// modes. Its middleware authenticates the person and checks the target's policy and the limits before a byte is
// sent; onUploadComplete records the PENDING attachment and its `file/uploaded` event. The domain knows the rest.
import "server-only";
import { createRouteHandler, createUploadthing, UTFiles, type FileRouter } from "uploadthing/next";
import { UploadThingError } from "uploadthing/server";
import { actorFromRequest } from "@/lib/auth/resolve-actor";
import { authorizeUpload, completeUpload, uploadProtocolConfig } from "@/lib/domain/files/upload-session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { uploadTarget } from "@/lib/validation/files";
import { crossSiteMessage, isSameOrigin } from "./same-origin";

const f = createUploadthing();

/** UploadThing wants a power of two; the exact limit (FILE_MAX_BYTES) is enforced by the middleware and ingest. */
function sizeCap(bytes: number) {
  const mb = 2 ** Math.max(0, Math.ceil(Math.log2(bytes / (1024 * 1024))));
  return `${Math.min(mb, 1024) as 1024}MB` as const;
}

const utCode = (e: AppError) =>
  e.code === "PAYLOAD_TOO_LARGE"
    ? "TOO_LARGE"
    : e.code === "FORBIDDEN" || e.code === "UNAUTHENTICATED"
      ? "FORBIDDEN"
      : e.code === "NOT_FOUND"
        ? "NOT_FOUND"
        : "BAD_REQUEST";

/** UploadThing sends an UploadThingError's message to the browser; anything else becomes a bare 500. */
function toUploadError(error: unknown): UploadThingError {
  if (error instanceof UploadThingError) return error as UploadThingError;
  if (error instanceof AppError) return new UploadThingError({ code: utCode(error), message: error.message });
  log.error("upload refused by an unexpected error", { error: String(error) });
  return new UploadThingError({ code: "INTERNAL_SERVER_ERROR", message: "The upload could not be started" });
}

export const uploadRouter = {
  attachments: f(
    {
      blob: {
        maxFileSize: sizeCap(env.FILE_MAX_BYTES),
        maxFileCount: env.POST_MAX_FILES,
        acl: "private",
        contentDisposition: "attachment",
      },
    },
    { awaitServerData: true },
  )
    .input(uploadTarget)
    .middleware(async ({ req, input, files }) => {
      try {
        if (!isSameOrigin(req.headers)) throw new AppError("FORBIDDEN", crossSiteMessage);
        const actor = await actorFromRequest(req);
        if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to upload files");
        const { keys, ...uploader } = await authorizeUpload(actor, input, files);
        // Our key rides along as UploadThing's customId: both stores then address the file by it.
        return { ...uploader, [UTFiles]: files.map((file, i) => ({ ...file, customId: keys[i]! })) };
      } catch (error) {
        // UploadThingError is an Error at runtime (effect's YieldableError); its declared type hides that.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw toUploadError(error);
      }
    })
    .onUploadComplete(async ({ metadata, file }) => {
      return completeUpload(metadata, {
        key: file.customId ?? file.key,
        name: file.name,
        size: file.size,
        type: file.type,
      });
    }),
} satisfies FileRouter;

export type UploadRouter = typeof uploadRouter;

let handler: ReturnType<typeof createRouteHandler> | undefined;
/** Built on first use: the config reads the files key (embedded mode), which must not happen at build time. */
export const uploadHandler = () =>
  (handler ??= createRouteHandler({ router: uploadRouter, config: uploadProtocolConfig() }));
