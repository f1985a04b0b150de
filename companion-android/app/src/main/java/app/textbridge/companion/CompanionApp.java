package app.textbridge.companion;

import android.app.Application;
import app.textbridge.companion.engine.CoreEngine;
import app.textbridge.companion.engine.EngineOptions;
import app.textbridge.companion.service.MirrorEngines;
import app.textbridge.companion.service.MirrorService;

/**
 * Installs the real engine before any component runs: the system may start {@link MirrorService}
 * after a boot, or deliver a radio report to a fresh process, without the activity ever opening.
 * Nothing heavy happens here; the engine does its work when the service starts it.
 */
public final class CompanionApp extends Application {
  @Override
  public void onCreate() {
    super.onCreate();
    MirrorEngines.install(new CoreEngine(this, new EngineOptions()));
  }
}
