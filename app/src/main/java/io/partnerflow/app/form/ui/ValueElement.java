package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.shared.InputField;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import io.partnerflow.app.form.FormState;
import java.util.List;
import java.util.function.Consumer;

/** An input: a Vaadin field, its converter and, for choice fields, its current options. */
final class ValueElement<V> implements FormElement {

  private final FormComponent definition;
  private final Component component;
  private final HasValue<?, V> field;
  private final HasValidationProperties validation;
  private final ValueConverter<V> converter;
  private final Consumer<List<FormOption>> optionsSetter;
  private List<FormOption> options;

  private <F extends Component & InputField<?, V> & HasValidationProperties> ValueElement(
      FormComponent definition,
      F field,
      ValueConverter<V> converter,
      List<FormOption> options,
      Consumer<List<FormOption>> optionsSetter) {
    this.definition = definition;
    this.component = field;
    this.field = field;
    this.validation = field;
    this.converter = converter;
    this.options = options;
    this.optionsSetter = optionsSetter;
  }

  static <V, F extends Component & InputField<?, V> & HasValidationProperties> ValueElement<V> of(
      FormComponent definition, F field, ValueConverter<V> converter) {
    return new ValueElement<>(definition, field, converter, List.of(), null);
  }

  /** A choice field: {@code optionsSetter} puts new items into the Vaadin component. */
  static <V, F extends Component & InputField<?, V> & HasValidationProperties>
      ValueElement<V> withOptions(
          FormComponent definition,
          F field,
          ValueConverter<V> converter,
          List<FormOption> options,
          Consumer<List<FormOption>> optionsSetter) {
    optionsSetter.accept(options);
    return new ValueElement<>(definition, field, converter, options, optionsSetter);
  }

  /** Clears the field's error once the user changes it, then tells the form. */
  @Override
  public void onChange(Runnable listener) {
    field.addValueChangeListener(
        event -> {
          clearError();
          listener.run();
        });
  }

  @Override
  public FormComponent definition() {
    return definition;
  }

  @Override
  public Component component() {
    return component;
  }

  @Override
  public void apply(FormState state) {
    FormElement.super.apply(state);
    field.setReadOnly(state.isLocked(definition));
    List<FormOption> current = state.options(definition);
    if (optionsSetter != null && !current.equals(options)) {
      // keep the chosen value when it is still one of the new options
      Object value = value();
      options = current;
      optionsSetter.accept(current);
      setValue(value);
    }
  }

  @Override
  public boolean hasValue() {
    return true;
  }

  @Override
  public Object value() {
    return converter.toForm(field.getValue(), options);
  }

  @Override
  public void setValue(Object value) {
    V converted = value == null ? null : converter.toField(value, options);
    field.setValue(converted == null ? field.getEmptyValue() : converted);
  }

  @Override
  public void showError(String message) {
    validation.setErrorMessage(message);
    validation.setInvalid(true);
  }

  @Override
  public void clearError() {
    validation.setInvalid(false);
    validation.setErrorMessage(null);
  }
}
