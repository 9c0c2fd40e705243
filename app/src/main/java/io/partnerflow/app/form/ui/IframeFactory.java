package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.SafeSources;
import java.util.Optional;
import java.util.Set;

/**
 * iframe: an https page whose host is on {@code partnerflow.forms.iframe-hosts}, sandboxed and
 * without referrer; any other URL (another host, http, {@code javascript:}, a FEEL result) is not
 * loaded and a notice names the host instead. The URL is decided when the form opens.
 */
final class IframeFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.IFRAME);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    String url = DynamicSource.text(component.text("url"), context.state());
    Optional<String> allowed = SafeSources.allowedFrameHost(url, context.frameHosts());
    if (allowed.isEmpty()) {
      String host = SafeSources.host(url).orElse(url == null ? "" : url);
      Span notice = new Span(context.message("form.iframe.blocked", host));
      notice.addClassName("form-blocked");
      notice.getElement().getThemeList().add("badge contrast");
      return new StaticElement(component, notice);
    }
    IFrame frame = new IFrame(url.trim());
    frame.setSandbox(
        IFrame.SandboxType.ALLOW_SCRIPTS,
        IFrame.SandboxType.ALLOW_SAME_ORIGIN,
        IFrame.SandboxType.ALLOW_POPUPS);
    frame.getElement().setAttribute("referrerpolicy", "no-referrer");
    String title = context.labels().label(component);
    if (title != null) {
      frame.setTitle(title);
    }
    Integer height = component.integer("height");
    frame.setHeight((height == null ? 300 : height) + "px");
    frame.setWidthFull();
    frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
    if (component.id() != null) {
      frame.setId("form-iframe-" + component.id());
    }
    return new StaticElement(component, frame);
  }
}
