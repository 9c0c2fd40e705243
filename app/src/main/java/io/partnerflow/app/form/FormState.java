package io.partnerflow.app.form;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form looks like for given variables and entered values: which components are hidden, which
 * inputs are locked (readonly or disabled), the options of every choice field, and the values that
 * count as submitted (visible, editable inputs only).
 */
public record FormState(
    Set<String> hiddenPaths,
    Set<String> lockedPaths,
    Map<String, List<FormOption>> optionsByPath,
    Map<String, Object> submittable,
    Map<String, Object> context) {

  public boolean isHidden(FormComponent component) {
    return hiddenPaths.contains(component.path());
  }

  public boolean isLocked(FormComponent component) {
    return lockedPaths.contains(component.path());
  }

  public List<FormOption> options(FormComponent component) {
    return optionsByPath.getOrDefault(component.path(), List.of());
  }

  /** Visible, editable input values; keys with a null value are kept (a cleared field). */
  @Override
  public Map<String, Object> submittable() {
    return Collections.unmodifiableMap(submittable);
  }
}
