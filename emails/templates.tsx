// Every email Tidings sends: subject and React Email body per kind. Plain text is rendered from the same tree.
import { Button, Link, Text } from "@react-email/components";
import { Layout, button } from "./layout";

export type EmailProps = {
  "verify-email": { name: string; url: string };
  "password-reset": { name: string; url: string };
  "magic-link": { name?: string; url: string };
  "account-exists": { name: string; signInUrl: string; resetUrl: string };
  "security-notice": {
    name: string;
    notice: SecurityNotice;
    method?: string;
    settingsUrl: string;
    resetUrl: string;
  };
  invite: { workspaceName: string; inviterName: string; role: string; url: string; expiresAt: Date };
  mention: PostNotice;
  post: PostNotice;
  digest: {
    recipientName: string;
    channels: { name: string; workspaceName: string; posts: { title: string; authorName: string; url: string }[] }[];
    total: number;
    settingsUrl: string;
  };
  "webhook-disabled": { name: string; workspaceName: string; url: string; failingSince: Date; settingsUrl: string };
};

export type EmailKind = keyof EmailProps;

/** An email about a post or comment in a channel (a mention, or a new post at level ALL), quoting its start. */
type PostNotice = {
  recipientName: string;
  authorName: string;
  channelName: string;
  postTitle: string;
  excerpt: string;
  url: string;
  settingsUrl: string;
};

/** What changed in the ways a person signs in (the `user/security-notice` event's `notice`). */
export type SecurityNotice =
  | "password-changed"
  | "password-added"
  | "sign-in-method-added"
  | "mfa-enabled"
  | "mfa-disabled"
  | "passkey-added"
  | "passkey-removed";

type Template<K extends EmailKind> = {
  subject: (p: EmailProps[K]) => string;
  body: (p: EmailProps[K]) => React.ReactElement;
};

export const templates: { [K in EmailKind]: Template<K> } = {
  "webhook-disabled": {
    subject: (p) => `A webhook in ${p.workspaceName} was turned off`,
    body: (p) => (
      <Layout
        preview="A webhook endpoint kept failing and was turned off"
        reason="You get this because you are an admin of this workspace."
      >
        <Text>Hi {p.name},</Text>
        <Text>
          Deliveries to {p.url} have failed since {p.failingSince.toUTCString()}, so Tidings turned this endpoint off.
          No more events are sent to it until an admin turns it back on.
        </Text>
        <Button href={p.settingsUrl} style={button}>
          Open the webhooks page
        </Button>
        <Text>
          Or open this link: <Link href={p.settingsUrl}>{p.settingsUrl}</Link>
        </Text>
      </Layout>
    ),
  },
  "verify-email": {
    subject: () => "Confirm your email address",
    body: (p) => (
      <Layout
        preview="Confirm your email address"
        reason="You get this because you signed up for Tidings. If it was not you, ignore it."
      >
        <Text>Hi {p.name},</Text>
        <Text>Confirm that this is your address to finish setting up your account.</Text>
        <Button href={p.url} style={button}>
          Confirm email
        </Button>
        <Text>
          Or open this link: <Link href={p.url}>{p.url}</Link>
        </Text>
      </Layout>
    ),
  },
  "password-reset": {
    subject: () => "Reset your password",
    body: (p) => (
      <Layout
        preview="Reset your Tidings password"
        reason="You get this because someone asked to reset your password. If it was not you, ignore it; nothing changes."
      >
        <Text>Hi {p.name},</Text>
        <Text>Choose a new password with this link. It works once, for one hour.</Text>
        <Button href={p.url} style={button}>
          Choose a new password
        </Button>
        <Text>
          Or open this link: <Link href={p.url}>{p.url}</Link>
        </Text>
      </Layout>
    ),
  },
  "magic-link": {
    subject: () => "Your sign-in link",
    body: (p) => (
      <Layout
        preview="Sign in to Tidings"
        reason="You get this because someone asked to sign in with this address. If it was not you, ignore it."
      >
        <Text>Sign in to Tidings with this link. It works once, for 15 minutes.</Text>
        <Button href={p.url} style={button}>
          Sign in
        </Button>
        <Text>
          Or open this link: <Link href={p.url}>{p.url}</Link>
        </Text>
      </Layout>
    ),
  },
  "account-exists": {
    subject: () => "You already have a Tidings account",
    body: (p) => (
      <Layout
        preview="Someone tried to create an account with your address"
        reason="You get this because someone tried to sign up with this address, which already has an account. If it was not you, ignore it; nothing changed."
      >
        <Text>Hi {p.name},</Text>
        <Text>
          Someone, probably you, tried to create a Tidings account with this address. You already have one, so no new
          account was made. Sign in instead, or choose a new password if you have forgotten it.
        </Text>
        <Button href={p.signInUrl} style={button}>
          Sign in
        </Button>
        <Text>
          Forgot your password? <Link href={p.resetUrl}>Reset it</Link> ({p.resetUrl})
        </Text>
      </Layout>
    ),
  },
  "security-notice": {
    subject: (p) => securityNoticeTitle(p),
    body: (p) => (
      <Layout
        preview={securityNoticeTitle(p)}
        reason="You get this whenever the ways to sign in to your Tidings account change, so that a change you did not make does not go unnoticed."
      >
        <Text>Hi {p.name},</Text>
        <Text>
          {p.notice === "password-changed" && "The password of your Tidings account was just changed."}
          {p.notice === "password-added" && "A password was just set on your Tidings account."}
          {p.notice === "sign-in-method-added" &&
            `${p.method ?? "A new sign-in method"} was just linked to your Tidings account: it can now be used to sign in.`}
          {p.notice === "mfa-enabled" && "Two-step sign-in was just turned on for your Tidings account."}
          {p.notice === "mfa-disabled" && "Two-step sign-in was just turned off for your Tidings account."}
          {p.notice === "passkey-added" &&
            "A passkey was just added to your Tidings account: it can now be used to sign in."}
          {p.notice === "passkey-removed" && "A passkey was just removed from your Tidings account."} If this was you,
          there is nothing to do.
        </Text>
        <Text>
          If it was not you, reset your password now (<Link href={p.resetUrl}>{p.resetUrl}</Link>): that signs out every
          session. Then review your sign-in methods and sessions in settings.
        </Text>
        <Button href={p.settingsUrl} style={button}>
          Review your settings
        </Button>
      </Layout>
    ),
  },
  invite: {
    subject: (p) => `${p.inviterName} invited you to ${p.workspaceName} on Tidings`,
    body: (p) => (
      <Layout
        preview={`Join ${p.workspaceName} on Tidings`}
        reason="You get this because a workspace admin invited this address. If you do not know them, ignore it."
      >
        <Text>
          {p.inviterName} invited you to join <strong>{p.workspaceName}</strong> as {p.role.toLowerCase()}.
        </Text>
        <Button href={p.url} style={button}>
          Accept the invite
        </Button>
        <Text>
          Or open this link: <Link href={p.url}>{p.url}</Link>
        </Text>
        <Text>The invite expires on {p.expiresAt.toUTCString()}.</Text>
      </Layout>
    ),
  },
  mention: {
    subject: (p) => `${p.authorName} mentioned you in #${p.channelName}`,
    body: (p) => (
      <Layout
        preview={`${p.authorName} mentioned you`}
        settingsUrl={p.settingsUrl}
        reason="You get this because you were mentioned and your notification level for this channel allows emails."
      >
        <Text>Hi {p.recipientName},</Text>
        <Text>
          {p.authorName} mentioned you in <strong>{p.postTitle}</strong> in #{p.channelName}:
        </Text>
        <Quote text={p.excerpt} />
        <Button href={p.url} style={button}>
          Open the conversation
        </Button>
      </Layout>
    ),
  },
  post: {
    subject: (p) => `${p.authorName} posted “${p.postTitle}” in #${p.channelName}`,
    body: (p) => (
      <Layout
        preview={`${p.authorName} posted in #${p.channelName}`}
        settingsUrl={p.settingsUrl}
        reason={`You get this because your notification level for #${p.channelName} is “Everything”: every new post.`}
      >
        <Text>Hi {p.recipientName},</Text>
        <Text>
          {p.authorName} posted <strong>{p.postTitle}</strong> in #{p.channelName}:
        </Text>
        <Quote text={p.excerpt} />
        <Button href={p.url} style={button}>
          Open the post
        </Button>
      </Layout>
    ),
  },
  digest: {
    subject: (p) => `${p.total} new post${p.total === 1 ? "" : "s"} in your channels`,
    body: (p) => (
      <Layout
        preview={`${p.total} unread posts`}
        settingsUrl={p.settingsUrl}
        reason="You get this daily digest because you follow these channels and have not read these posts yet: all of them where your notification level is “Everything”, those that mention you where it is “Mentions only”."
      >
        <Text>Good morning {p.recipientName}, here is what you have not read yet:</Text>
        {p.channels.map((c) => (
          <div key={`${c.workspaceName}/${c.name}`}>
            <Text style={{ fontWeight: 700 }}>
              #{c.name} · {c.workspaceName}
            </Text>
            {c.posts.map((post) => (
              <Text key={post.url}>
                <Link href={post.url}>{post.title}</Link> by {post.authorName}
              </Text>
            ))}
          </div>
        ))}
      </Layout>
    ),
  },
};

const Quote = ({ text }: { text: string }) => (
  <Text style={{ borderLeft: "3px solid #e5e7eb", paddingLeft: "12px", color: "#374151" }}>{text}</Text>
);

function securityNoticeTitle(p: EmailProps["security-notice"]): string {
  if (p.notice === "password-changed") return "Your Tidings password was changed";
  if (p.notice === "password-added") return "A password was set on your Tidings account";
  if (p.notice === "mfa-enabled") return "Two-step sign-in was turned on for your Tidings account";
  if (p.notice === "mfa-disabled") return "Two-step sign-in was turned off for your Tidings account";
  if (p.notice === "passkey-added") return "A passkey was added to your Tidings account";
  if (p.notice === "passkey-removed") return "A passkey was removed from your Tidings account";
  return `${p.method ?? "A new sign-in method"} was linked to your Tidings account`;
}
