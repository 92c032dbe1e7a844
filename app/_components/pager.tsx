// "Newest" and "Older" links under a cursor-paginated list: Newest once the reader has gone back, Older while more
// remains. `href` builds a page's address (no cursor: the newest page).
import Link from "next/link";

export function Pager({
  label,
  nextCursor,
  paged,
  href,
}: {
  label: string;
  nextCursor: string | null;
  /** The page shown is not the newest one (a cursor was given). */
  paged: boolean;
  href: (cursor?: string) => string;
}) {
  if (!nextCursor && !paged) return null;
  return (
    <nav aria-label={label} className="mt-6 flex justify-center gap-3">
      {paged && (
        <Link href={href()} className="btn-secondary">
          Newest
        </Link>
      )}
      {nextCursor && (
        <Link href={href(nextCursor)} className="btn-secondary">
          Older
        </Link>
      )}
    </nav>
  );
}
