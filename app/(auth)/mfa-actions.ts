"use server";
// The second step of a sign-in: the session the password or emailed link opened becomes usable once a code passes.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { pendingSignInFromCookies } from "@/lib/auth/mfa/pending";
import { completeSecondFactor } from "@/lib/domain/mfa/complete-sign-in";
import { AppError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { secondFactorForm } from "@/lib/validation/mfa";

export const secondFactorAction = action(
  secondFactorForm,
  async ({ data }) => {
    const pending = await pendingSignInFromCookies(await cookies());
    if (!pending) throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
    await completeSecondFactor(pending, data.code);
    redirect(data.next ?? "/w");
  },
  { auth: "optional" },
);
