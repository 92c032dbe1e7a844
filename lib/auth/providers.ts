// The single sign-on providers next-auth runs, each only when its env variables are set: GitHub (or a GitHub
// Enterprise Server), Google, and one generic OpenID Connect provider. next-auth does the OAuth exchange; which
// Tidings account an identity signs in as is decided in lib/domain/accounts (see ./provider-sign-in.ts).
import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";

export type ProviderId = "github" | "google" | "oidc";
export type ProviderInfo = { id: ProviderId; name: string };

/** Which providers are configured, for the buttons and settings (names as people know them). */
export function configuredProviders(): ProviderInfo[] {
  const list: ProviderInfo[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET)
    list.push({ id: "oidc", name: env.AUTH_OIDC_NAME });
  return list;
}

export function providerName(id: string): string {
  return configuredProviders().find((p) => p.id === id)?.name ?? id;
}

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub's profile says nothing of whether its email is verified: read /user/emails (scope user:email) and keep
 * the address GitHub shows with its verified flag (the primary one when the profile has none).
 */
function gitHub(): Provider {
  const apiBase = env.AUTH_GITHUB_ENTERPRISE_URL
    ? `${env.AUTH_GITHUB_ENTERPRISE_URL}/api/v3`
    : "https://api.github.com";
  return GitHub({
    clientId: env.AUTH_GITHUB_ID,
    clientSecret: env.AUTH_GITHUB_SECRET,
    ...(env.AUTH_GITHUB_ENTERPRISE_URL ? { enterprise: { baseUrl: env.AUTH_GITHUB_ENTERPRISE_URL } } : {}),
    userinfo: {
      url: `${apiBase}/user`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "tidings" };
        const profile = (await (await fetch(`${apiBase}/user`, { headers })).json()) as Record<string, unknown>;
        const res = await fetch(`${apiBase}/user/emails`, { headers });
        const emails = res.ok ? ((await res.json()) as GitHubEmail[]) : [];
        const chosen =
          emails.find(
            (e) => typeof profile.email === "string" && e.email.toLowerCase() === profile.email.toLowerCase(),
          ) ?? emails.find((e) => e.primary);
        return { ...profile, email: chosen?.email ?? null, email_verified: chosen?.verified === true };
      },
    },
  });
}

export function ssoProviders(): Provider[] {
  const list: Provider[] = [];
  for (const { id } of configuredProviders()) {
    if (id === "github") list.push(gitHub());
    if (id === "google") list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
    if (id === "oidc")
      list.push({
        id: "oidc",
        name: env.AUTH_OIDC_NAME,
        type: "oidc",
        issuer: env.AUTH_OIDC_ISSUER,
        clientId: env.AUTH_OIDC_ID,
        clientSecret: env.AUTH_OIDC_SECRET,
        checks: ["pkce", "state", "nonce"],
        // Claims from the userinfo endpoint: providers put email and email_verified there, not always in the id token.
        idToken: false,
      });
  }
  return list;
}
