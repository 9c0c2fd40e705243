package io.partnerflow.app.base.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Keeps a language chosen with the language switch for the whole session: every new UI (page load,
 * new tab) starts in it. Without a choice Vaadin uses the browser's language.
 */
@Component
public class SessionLocale implements VaadinServiceInitListener {

  private static final String ATTRIBUTE = SessionLocale.class.getName();

  public static void remember(VaadinSession session, Locale locale) {
    session.setAttribute(ATTRIBUTE, locale);
    session.setLocale(locale);
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(
            init -> {
              Object chosen = init.getUI().getSession().getAttribute(ATTRIBUTE);
              if (chosen instanceof Locale locale) {
                init.getUI().setLocale(locale);
              }
            });
  }
}
