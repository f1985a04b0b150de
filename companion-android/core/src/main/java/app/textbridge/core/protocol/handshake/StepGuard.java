package app.textbridge.core.protocol.handshake;

import app.textbridge.core.protocol.HandshakeException;

/**
 * The explicit state machine of one handshake side: INIT → RESP → DONE. A step that throws midway
 * leaves it FAILED: a handshake is never retried or continued after an error.
 */
final class StepGuard {
  enum Step {
    INIT,
    RESP,
    DONE,
    FAILED
  }

  private Step current = Step.INIT;

  void enter(Step step) throws HandshakeException {
    if (current != step) {
      throw new HandshakeException(
          HandshakeException.Code.WRONG_STATE, "step " + step + " while " + current);
    }
    current = Step.FAILED;
  }

  void leave(Step next) {
    current = next;
  }

  Step current() {
    return current;
  }
}
