package io.partnerflow.app.form;

import java.util.List;
import java.util.Optional;

/** A parsed Camunda Form: its id (the file name, also the translation file prefix) and tree. */
public record FormSchema(String id, List<FormComponent> components) {

  /** Every input component with a key, groups flattened, in form order. */
  public List<FormComponent> inputs() {
    return components.stream()
        .flatMap(FormComponent::flatten)
        .filter(FormComponent::isInput)
        .toList();
  }

  public Optional<FormComponent> input(String key) {
    return inputs().stream().filter(input -> input.key().equals(key)).findFirst();
  }
}
