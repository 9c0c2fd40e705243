package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * dynamiclist: a repeating group bound to one variable (its {@code path}) holding a list of
 * entries, each an object of the list's own fields. Entries are added and removed within {@code
 * minItems}..{@code maxItems} (when {@code allowAddRemove} is not false); it opens with the
 * variable's entries, else {@code defaultRepetitions} (else {@code minItems}) empty ones.
 */
final class DynamicListFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.DYNAMICLIST);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    return new DynamicListElement(component, context);
  }

  static final class DynamicListElement implements FormElement {

    private final FormComponent definition;
    private final RenderContext context;
    private final Div box = new Div();
    private final Div entries = new Div();
    private final Button add;
    private final Span error = new Span();
    private final List<Entry> rows = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private FormState state;
    private boolean locked;

    /** One entry on screen: its box, its remove button and its input elements (flattened). */
    private record Entry(
        Div box, Button remove, List<FormElement> elements, List<FormElement> inputs) {}

    DynamicListElement(FormComponent definition, RenderContext context) {
      this.definition = definition;
      this.context = context;
      this.state = context.state();
      box.addClassName("form-dynamiclist");
      box.setId("form-field-" + definition.key());
      box.setWidthFull();
      String label = context.labels().label(definition);
      if (label != null && !label.isBlank()) {
        box.add(new H4(label));
      }
      add = new Button(context.message("form.list.add"), click -> addEntry(Map.of(), true));
      add.setId("form-list-add-" + definition.key());
      add.addThemeVariants(ButtonVariant.LUMO_SMALL);
      error.addClassName("form-dynamiclist-error");
      error.getStyle().set("color", "var(--lumo-error-text-color)");
      error.setVisible(false);
      box.add(entries, add, error);
    }

    private void addEntry(Map<?, ?> values, boolean byUser) {
      List<FormElement> elements =
          definition.components().stream()
              .map(child -> context.factories().create(child, context))
              .toList();
      List<FormElement> inputs =
          elements.stream()
              .flatMap(DynamicListElement::withChildren)
              .filter(element -> element.hasValue() && element.definition().isInput())
              .toList();
      Div entryBox = new Div();
      entryBox.addClassName("form-dynamiclist-entry");
      entryBox.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)");
      entryBox.getStyle().set("padding-left", "var(--lumo-space-m)");
      entryBox.getStyle().set("margin-bottom", "var(--lumo-space-s)");
      elements.forEach(element -> entryBox.add(element.component()));
      Button remove = new Button(context.message("form.list.remove"));
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      entryBox.add(remove);
      Entry entry = new Entry(entryBox, remove, elements, inputs);
      remove.addClickListener(click -> removeEntry(entry));
      for (FormElement input : inputs) {
        input.setValue(values.get(input.definition().key()));
        input.onChange(this::changed);
      }
      rows.add(entry);
      entries.add(entryBox);
      elements.forEach(element -> element.apply(state));
      renumber();
      if (byUser) {
        changed();
      }
    }

    private void removeEntry(Entry entry) {
      rows.remove(entry);
      entries.remove(entry.box());
      renumber();
      changed();
    }

    private void changed() {
      clearError();
      listeners.forEach(Runnable::run);
    }

    /** Ids by position, so a browser test (and a label) finds entry 1's field after a removal. */
    private void renumber() {
      for (int i = 0; i < rows.size(); i++) {
        for (FormElement input : rows.get(i).inputs()) {
          input
              .component()
              .setId("form-field-" + definition.key() + "-" + i + "-" + input.definition().key());
        }
      }
      updateButtons();
    }

    private void updateButtons() {
      Integer min = definition.integer("minItems");
      Integer max = definition.integer("maxItems");
      boolean addRemove =
          !definition.properties().has("allowAddRemove") || definition.bool("allowAddRemove");
      add.setVisible(!locked && addRemove && (max == null || rows.size() < max));
      for (Entry entry : rows) {
        entry.remove().setVisible(!locked && addRemove && (min == null || rows.size() > min));
      }
    }

    private static Stream<FormElement> withChildren(FormElement element) {
      return Stream.concat(
          Stream.of(element),
          element.children().stream().flatMap(DynamicListElement::withChildren));
    }

    @Override
    public FormComponent definition() {
      return definition;
    }

    @Override
    public Component component() {
      return box;
    }

    @Override
    public void apply(FormState newState) {
      FormElement.super.apply(newState);
      state = newState;
      locked = newState.isLocked(definition);
      for (Entry entry : rows) {
        entry.elements().forEach(element -> element.apply(newState));
        if (locked) {
          entry.inputs().stream()
              .map(FormElement::component)
              .filter(HasValue.class::isInstance)
              .forEach(field -> ((HasValue<?, ?>) field).setReadOnly(true));
        }
      }
      updateButtons();
    }

    @Override
    public boolean hasValue() {
      return true;
    }

    @Override
    public Object value() {
      List<Map<String, Object>> values = new ArrayList<>();
      for (Entry entry : rows) {
        Map<String, Object> item = new LinkedHashMap<>();
        entry.inputs().forEach(input -> item.put(input.definition().key(), input.value()));
        values.add(item);
      }
      return values;
    }

    @Override
    public void setValue(Object value) {
      rows.clear();
      entries.removeAll();
      if (value instanceof Collection<?> given) {
        given.forEach(item -> addEntry(item instanceof Map<?, ?> map ? map : Map.of(), false));
      } else {
        Integer repetitions = definition.integer("defaultRepetitions");
        Integer min = definition.integer("minItems");
        int count = repetitions != null ? repetitions : min == null ? 0 : min;
        for (int i = 0; i < count; i++) {
          addEntry(Map.of(), false);
        }
      }
      updateButtons();
    }

    @Override
    public void onChange(Runnable listener) {
      listeners.add(listener);
    }

    @Override
    public void showError(String message) {
      error.setText(message);
      error.setVisible(true);
    }

    @Override
    public void clearError() {
      error.setText("");
      error.setVisible(false);
    }
  }
}
