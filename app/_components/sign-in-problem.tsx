// The message for a sign-in that came back refused (?error=… from a provider sign-in or Auth.js' own errors).
export function SignInProblem({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}
