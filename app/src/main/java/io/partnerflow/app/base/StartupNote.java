package io.partnerflow.app.base;

import java.util.Optional;

/** A feature's line for the startup report, e.g. how far a background job on first start got. */
public interface StartupNote {

  Optional<String> startupNote();
}
