// Ids chosen before the row exists (a post's id goes into its outbox event in the same statement): 25 characters of
// lowercase letters and digits from the system's CSPRNG (~129 bits), the shape of the ids the database makes.
// cuid2, used before, hashes with SHA-3 in JavaScript: ~150 µs an id, a noticeable share of a post's cost.
import { customAlphabet } from "nanoid";

export const newId: () => string = customAlphabet("0123456789abcdefghijklmnopqrstuvwxyz", 25);
