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

  public FormState {
    hiddenPaths = Set.copyOf(hiddenPaths);
    lockedPaths = Set.copyOf(lockedPaths);
    optionsByPath = Map.copyOf(optionsByPath);
    // values may be null (a cleared field), which Map.copyOf refuses
    submittable = Collections.unmodifiableMap(submittable);
    context = Collections.unmodifiableMap(context);
  }

  public boolean isHidden(FormComponent component) {
    return hiddenPaths.contains(component.path());
  }

  public boolean isLocked(FormComponent component) {
    return lockedPaths.contains(component.path());
  }

  public List<FormOption> options(FormComponent component) {
    return optionsByPath.getOrDefault(component.path(), List.of());
  }
}
