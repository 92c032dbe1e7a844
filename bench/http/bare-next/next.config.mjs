// The bare baseline of bench:http: Next.js with nothing configured (without this file it would find the app's).
export default {};
