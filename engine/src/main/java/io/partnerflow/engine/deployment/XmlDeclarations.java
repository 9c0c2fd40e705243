package io.partnerflow.engine.deployment;

import io.partnerflow.engine.problem.EngineException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * BPMN and DMN never need a document type declaration; one is how entity expansion ("billion
 * laughs") and external entities (XXE) get in. Refused before any XML parser sees the resource, in
 * the encodings XML allows without a declaration of its own.
 */
public final class XmlDeclarations {

  private XmlDeclarations() {}

  /**
   * @throws EngineException 400 when the resource declares a DOCTYPE or an entity
   */
  public static void refuseDoctype(String resourceName, byte[] content) {
    if (declares(new String(content, StandardCharsets.UTF_8))
        || declares(new String(content, StandardCharsets.UTF_16))) {
      throw EngineException.invalid(
          ("Command 'CREATE' rejected with code 'INVALID_ARGUMENT': '%s': DOCTYPE and ENTITY"
                  + " declarations are not allowed in BPMN or DMN resources")
              .formatted(resourceName));
    }
  }

  private static boolean declares(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    return upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY");
  }
}
