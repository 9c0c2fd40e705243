package io.partnerflow.app.monitoring;

/** A flow node of a process model: its id, name and BPMN type (e.g. {@code serviceTask}). */
public record ModelElement(String id, String name, String type) {

  public String label() {
    return name == null || name.isBlank() ? id : name + " (" + id + ")";
  }
}
