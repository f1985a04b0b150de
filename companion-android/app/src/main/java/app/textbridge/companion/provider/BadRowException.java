package app.textbridge.companion.provider;

/**
 * One provider row the protocol cannot carry. Its message names the row (table and _id) and never
 * its content; the reader logs it and goes on with the next row.
 */
final class BadRowException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRowException(String message) {
    super(message);
  }
}
