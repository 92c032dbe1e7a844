// What a session list shows about where a sign-in came from: a device name and a coarse address, nothing finer.
import { isIPv4, isIPv6 } from "node:net";
import Bowser from "bowser";

/** "Chrome on macOS", "Firefox on Android"; "Unknown device" when the user agent says nothing useful. */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  if (!ua) return "Unknown device";
  const parsed = Bowser.parse(ua);
  const browser = parsed.browser.name;
  const os = parsed.os.name;
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Unknown device";
}

/** IPv4 keeps its /24 (`203.0.113.0/24`), IPv6 its /48; anything else is "unknown". */
export function coarseAddress(address: string | null | undefined): string {
  const value = (address ?? "").trim();
  const v4 = value.startsWith("::ffff:") && isIPv4(value.slice(7)) ? value.slice(7) : value;
  if (isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  if (isIPv6(value)) {
    const [head = "", tail = ""] = value.split("::");
    const groups = [...head.split(":").filter(Boolean)];
    const missing = 8 - groups.length - tail.split(":").filter(Boolean).length;
    const full = [...groups, ...Array<string>(Math.max(0, missing)).fill("0"), ...tail.split(":").filter(Boolean)];
    return `${full.slice(0, 3).join(":")}::/48`;
  }
  return "unknown";
}
