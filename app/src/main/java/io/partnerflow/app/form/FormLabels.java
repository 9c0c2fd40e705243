package io.partnerflow.app.form;

import java.util.Properties;

/**
 * The texts of one form in one language. Keys: {@code <key>.label}, {@code <key>.description},
 * {@code <key>.option.<value>}, {@code <key>.text} (text components), {@code <key>.column.<column
 * key>} (table columns), where {@code <key>} is the field key, or the component id for components
 * without a key. Missing entries fall back to the form JSON.
 */
public final class FormLabels {

  private final Properties texts;

  FormLabels(Properties texts) {
    this.texts = texts;
  }

  public String label(FormComponent component) {
    return lookup(component, "label", component.label());
  }

  public String description(FormComponent component) {
    return lookup(component, "description", component.description());
  }

  public String text(FormComponent component) {
    return lookup(component, "text", component.text("text"));
  }

  public String option(FormComponent component, FormOption option) {
    return lookup(component, "option." + option.value(), option.label());
  }

  public String column(FormComponent table, String columnKey, String fallback) {
    return lookup(table, "column." + columnKey, fallback);
  }

  private String lookup(FormComponent component, String suffix, String fallback) {
    String name = component.translationKey();
    return name == null ? fallback : texts.getProperty(name + "." + suffix, fallback);
  }
}
