package io.partnerflow.app.tasklist.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dedicated task panels by element id; a task without one gets the generic form. */
@Component
public class TaskPanels {

  private final Map<String, TaskPanelProvider> byElementId = new HashMap<>();

  TaskPanels(List<TaskPanelProvider> providers) {
    for (TaskPanelProvider provider : providers) {
      for (String elementId : provider.elementIds()) {
        TaskPanelProvider other = byElementId.putIfAbsent(elementId, provider);
        if (other != null) {
          throw new IllegalStateException(
              "Two panels for the user task " + elementId + ": " + other + " and " + provider);
        }
      }
    }
  }

  public Optional<TaskPanelProvider> forElement(String elementId) {
    return Optional.ofNullable(elementId).map(byElementId::get);
  }
}
