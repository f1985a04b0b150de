package app.textbridge.companion.provider;

import java.util.Set;

/**
 * The phone's own numbers, to leave them out of an MMS's participants (PROTOCOL.md §8: "the user's
 * own number excluded"). Often empty: many SIMs do not store their number, and Android 13 hides it
 * from apps without READ_PHONE_NUMBERS.
 */
public interface OwnNumbers {
  Set<String> numbers();
}
