/** The start of a post or comment as a notification email quotes it: at most 280 characters. */
export const emailExcerpt = (body: string) => (body.length > 280 ? `${body.slice(0, 277)}…` : body);
