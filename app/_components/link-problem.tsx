import Link from "next/link";

/** What a dead emailed link (unknown, expired, used, revoked) shows: the reason, and the way forward. */
export function LinkProblem({
  title,
  message,
  action,
}: {
  title: string;
  message: string;
  action: { href: string; label: string };
}) {
  return (
    <div role="alert">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-stone-600">{message}</p>
      <Link href={action.href} className="btn-primary mt-6 w-full">
        {action.label}
      </Link>
    </div>
  );
}

/** The message of an expected "no" from a link's domain call (404/410/403), or null for anything else. */
export function linkErrorMessage(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e &&
    typeof e.code === "string" &&
    ["NOT_FOUND", "GONE", "FORBIDDEN", "VALIDATION_FAILED"].includes(e.code) &&
    typeof e.message === "string"
    ? e.message
    : null;
}
