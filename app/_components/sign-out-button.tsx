"use client";
import { useFormStatus } from "react-dom";

function Button({ className }: { className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

export function SignOutButton({
  action,
  className = "btn-ghost",
}: {
  action: () => Promise<void>;
  className?: string;
}) {
  return (
    <form action={action}>
      <Button className={className} />
    </form>
  );
}
