// The frame every email shares: brand line, content, and a footer with the settings link where one applies.
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const body = {
  backgroundColor: "#f6f7f9",
  fontFamily: "-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
};
const card = {
  backgroundColor: "#ffffff",
  margin: "24px auto",
  padding: "24px",
  maxWidth: "560px",
  borderRadius: "8px",
};
const muted = { color: "#6b7280", fontSize: "12px" };

export const button = {
  backgroundColor: "#111827",
  color: "#ffffff",
  padding: "10px 16px",
  borderRadius: "6px",
  textDecoration: "none",
};

export function Layout(props: { preview: string; children: ReactNode; settingsUrl?: string; reason: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text style={{ fontWeight: 700, fontSize: "16px" }}>Tidings</Text>
          <Section>{props.children}</Section>
          <Hr />
          <Text style={muted}>{props.reason}</Text>
          {props.settingsUrl ? (
            <Text style={muted}>
              <Link href={props.settingsUrl}>Change which emails you get, or unsubscribe</Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
