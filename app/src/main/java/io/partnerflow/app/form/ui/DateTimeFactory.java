package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.DateTimeValues;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * datetime: a date, time or date-and-time picker by subtype; values are the ISO strings of {@link
 * DateTimeValues}, times in the user's zone.
 */
final class DateTimeFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.DATETIME);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    ZoneId zone = context.zone();
    FormElement element =
        switch (DateTimeValues.subtype(component)) {
          case DateTimeValues.TIME -> {
            TimePicker field = Fields.decorate(new TimePicker(), component, context);
            field.setLocale(context.locale());
            yield ValueElement.of(
                component,
                field,
                iso(
                    text -> DateTimeValues.parseTime(text, zone),
                    time -> DateTimeValues.formatTime(time, component, zone)));
          }
          case DateTimeValues.DATETIME -> {
            DateTimePicker field = Fields.decorate(new DateTimePicker(), component, context);
            field.setLocale(context.locale());
            yield ValueElement.of(
                component,
                field,
                iso(
                    text -> DateTimeValues.parseDateTime(text, zone),
                    dateTime -> DateTimeValues.formatDateTime(dateTime, component, zone)));
          }
          default -> {
            DatePicker field = Fields.decorate(new DatePicker(), component, context);
            field.setLocale(context.locale());
            yield ValueElement.of(component, field, iso(LocalDate::parse, LocalDate::toString));
          }
        };
    if (context.labels().label(component) == null) {
      // form-js names the parts of a datetime with dateLabel/timeLabel instead of label
      String dateLabel = component.text("dateLabel");
      ((HasLabel) element.component())
          .setLabel(dateLabel != null ? dateLabel : component.text("timeLabel"));
    }
    return element;
  }

  /** Unparsable stored values leave the picker empty instead of breaking the form. */
  private static <T> ValueConverter<T> iso(Function<String, T> parse, Function<T, String> format) {
    return new ValueConverter<>() {
      @Override
      public T toField(Object formValue, List<FormOption> options) {
        try {
          return parse.apply(String.valueOf(formValue));
        } catch (DateTimeException e) {
          return null;
        }
      }

      @Override
      public Object toForm(T fieldValue, List<FormOption> options) {
        return fieldValue == null ? null : format.apply(fieldValue);
      }
    };
  }
}
