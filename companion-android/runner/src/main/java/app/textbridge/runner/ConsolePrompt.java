package app.textbridge.runner;

import app.textbridge.core.port.PairingPrompt;

/** The runner's "user": prints the short code (stderr) and accepts or rejects at once. */
final class ConsolePrompt implements PairingPrompt {
  private final boolean accept;

  ConsolePrompt(boolean accept) {
    this.accept = accept;
  }

  @Override
  public void show(Request request, Decision decision) {
    String sas = request.sas.substring(0, 3) + " " + request.sas.substring(3);
    System.err.println(
        "Pairing with \""
            + request.desktopName
            + "\": code "
            + sas
            + (accept ? " — accepting" : " — rejecting"));
    if (accept) decision.accept();
    else decision.reject();
  }

  @Override
  public void dismiss(String requestId) {
    System.err.println("Pairing prompt dismissed");
  }
}
