package io.partnerflow.app.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import io.partnerflow.app.base.i18n.SessionLocale;
import io.partnerflow.app.base.i18n.TranslationProvider;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the UI language. The choice is kept in the Vaadin session, so it holds for every tab and
 * every page load until logout.
 */
public class LanguageSwitch extends Select<Locale> {

  public LanguageSwitch() {
    setItems(List.of(TranslationProvider.ENGLISH, TranslationProvider.CHINESE));
    setItemLabelGenerator(locale -> locale.getDisplayName(locale));
    setAriaLabel(getTranslation("language.choose"));
    setTooltipText(getTranslation("language.choose"));
    setId("language-switch");
    setWidth("9em");
    setValue(matching(UI.getCurrent().getLocale()));
    addValueChangeListener(
        event -> {
          if (event.isFromClient() && event.getValue() != null) {
            SessionLocale.remember(VaadinSession.getCurrent(), event.getValue());
            UI.getCurrent().getPage().reload();
          }
        });
  }

  private static Locale matching(Locale locale) {
    return "zh".equals(locale.getLanguage())
        ? TranslationProvider.CHINESE
        : TranslationProvider.ENGLISH;
  }
}
