// GET, POST, PUT /api/inngest — Inngest (Cloud, self-hosted or the dev server) calls the functions here.
// In the embedded mode only the in-process executor calls it (POST, signed with a key only it knows); there is
// nothing to introspect or register with, so GET and PUT are not found.
import { embedded } from "@/inngest/client";
import { inngestHandler } from "@/inngest/runtime";

const notFound = () => Promise.resolve(new Response(null, { status: 404 }));

export const POST = inngestHandler.POST;
export const GET = embedded ? notFound : inngestHandler.GET;
export const PUT = embedded ? notFound : inngestHandler.PUT;
