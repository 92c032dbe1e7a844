// Settings → password (its own file so other settings sections merge without touching it).
import { ChangePasswordForm } from "@/app/_components/password-form";
import { changePasswordAction } from "./actions";

export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  return (
    <section className="card mt-6 p-5" aria-labelledby="password-heading">
      <h2 id="password-heading" className="font-semibold">
        Password
      </h2>
      <p className="mt-1 mb-4 text-sm text-stone-600">
        {hasPassword
          ? "Changing it signs out every other session and emails you a notice."
          : "Your account has no password: you sign in with an emailed link or a provider. Set one to sign in with it too."}
      </p>
      <ChangePasswordForm action={changePasswordAction} hasPassword={hasPassword} />
    </section>
  );
}
