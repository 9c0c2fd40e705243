package io.partnerflow.app.audit.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.partnerflow.app.audit.AuditAction;
import io.partnerflow.app.audit.AuditFilter;
import io.partnerflow.app.audit.AuditSubject;
import io.partnerflow.app.base.DisplayZone;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit view's filters. A field with a value that is not a number or a period that ends before
 * it starts is marked with a message and leaves the last valid filter in place, input and all.
 */
class AuditFilterBar extends FormLayout {

  private final TextField actor = new TextField();
  private final ComboBox<AuditAction> action = new ComboBox<>();
  private final ComboBox<String> subjectType = new ComboBox<>();
  private final TextField subjectId = new TextField();
  private final TextField partner = new TextField();
  private final TextField instance = new TextField();
  private final DatePicker from = new DatePicker();
  private final DatePicker to = new DatePicker();
  private final Consumer<AuditFilter> onChange;

  AuditFilterBar(Consumer<AuditFilter> onChange) {
    this.onChange = onChange;
    setId("audit-filters");
    setResponsiveSteps(
        new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("55em", 4));
    text(actor, "audit-filter-actor", "audit.actor");
    action.setId("audit-filter-action");
    action.setLabel(getTranslation("audit.action"));
    action.setItems(AuditAction.values());
    action.setItemLabelGenerator(value -> getTranslation("audit.action." + value.name()));
    action.setClearButtonVisible(true);
    subjectType.setId("audit-filter-subject-type");
    subjectType.setLabel(getTranslation("audit.subjectType"));
    subjectType.setItems(AuditSubject.TYPES);
    subjectType.setItemLabelGenerator(type -> getTranslation("audit.subject." + type));
    subjectType.setClearButtonVisible(true);
    text(subjectId, "audit-filter-subject-id", "audit.subjectId");
    text(partner, "audit-filter-partner", "audit.partner");
    text(instance, "audit-filter-instance", "audit.instance");
    from.setId("audit-filter-from");
    from.setLabel(getTranslation("audit.from"));
    from.setClearButtonVisible(true);
    to.setId("audit-filter-to");
    to.setLabel(getTranslation("audit.to"));
    to.setClearButtonVisible(true);
    action.addValueChangeListener(event -> changed());
    subjectType.addValueChangeListener(event -> changed());
    from.addValueChangeListener(event -> changed());
    to.addValueChangeListener(event -> changed());
    add(actor, action, subjectType, subjectId, partner, instance, from, to);
  }

  private void text(TextField field, String id, String label) {
    field.setId(id);
    field.setLabel(getTranslation(label));
    field.setClearButtonVisible(true);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.addValueChangeListener(event -> changed());
  }

  /**
   * Starts over from a link, e.g. {@code ?partner=42}: that partner and/or process instance, every
   * other field empty.
   */
  void preset(String partnerId, String instanceKey) {
    actor.clear();
    action.clear();
    subjectType.clear();
    subjectId.clear();
    from.clear();
    to.clear();
    partner.setValue(partnerId == null ? "" : partnerId);
    instance.setValue(instanceKey == null ? "" : instanceKey);
    changed();
  }

  /** The filter as entered, or empty while a field holds something invalid (marked). */
  Optional<AuditFilter> filter() {
    Optional<Long> partnerId = number(partner);
    Optional<Long> instanceKey = number(instance);
    boolean periodValid =
        from.getValue() == null
            || to.getValue() == null
            || !to.getValue().isBefore(from.getValue());
    to.setInvalid(!periodValid);
    to.setErrorMessage(periodValid ? null : getTranslation("audit.error.period"));
    if (partnerId == null || instanceKey == null || !periodValid) {
      return Optional.empty();
    }
    ZoneId zone = DisplayZone.get();
    return Optional.of(
        AuditFilter.all()
            .withActor(actor.getValue())
            .withAction(action.getValue())
            .withSubject(subjectType.getValue(), subjectId.getValue())
            .withPartner(partnerId.orElse(null))
            .withProcessInstance(instanceKey.orElse(null))
            .withPeriod(
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                // the last day is included: up to the start of the day after
                to.getValue() == null
                    ? null
                    : dayAfter(to.getValue()).atStartOfDay(zone).toInstant()));
  }

  private static LocalDate dayAfter(LocalDate day) {
    return day.plusDays(1);
  }

  /** Empty for no value, the number, or null (and the field marked) when it is not one. */
  private Optional<Long> number(TextField field) {
    String value = field.getValue().strip();
    if (value.isEmpty()) {
      field.setInvalid(false);
      return Optional.empty();
    }
    try {
      long parsed = Long.parseLong(value);
      field.setInvalid(false);
      return Optional.of(parsed);
    } catch (NumberFormatException e) {
      field.setErrorMessage(getTranslation("audit.error.number"));
      field.setInvalid(true);
      return null;
    }
  }

  private void changed() {
    filter().ifPresent(onChange);
  }
}
