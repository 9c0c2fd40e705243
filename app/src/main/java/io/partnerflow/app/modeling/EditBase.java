package io.partnerflow.app.modeling;

/**
 * What an editor loaded: the draft's version (null: there was none) and the engine's latest version
 * (0: never deployed). Saving and deploying are refused when either moved on meanwhile.
 */
public record EditBase(Integer draftVersion, int deployedVersion) {}
