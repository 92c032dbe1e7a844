// Renders an email to its three parts. The plain-text part comes from the same React tree as the HTML.
import { render } from "@react-email/render";
import { templates, type EmailKind, type EmailProps } from "./templates";

export type { EmailKind, EmailProps } from "./templates";
export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail<K extends EmailKind>(kind: K, props: EmailProps[K]): Promise<RenderedEmail> {
  const template = templates[kind];
  const element = template.body(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(props), html, text };
}
