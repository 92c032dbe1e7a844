"use client";

/** Set by lib/data/db/client.ts on the error thrown when the database does not answer (Next keeps an error's digest). */
const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = error.digest === DATABASE_UNAVAILABLE;
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 py-16 text-center"
    >
      <h1 className="text-2xl font-semibold">{unavailable ? "Tidings is unavailable" : "Something went wrong"}</h1>
      <p className="mt-2 text-stone-600">
        {unavailable
          ? "The database is not answering right now. Nothing you had saved is lost; try again in a few seconds."
          : `The error has been logged${error.digest ? ` (reference ${error.digest})` : ""}. Try again in a moment.`}
      </p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        Try again
      </button>
    </main>
  );
}
