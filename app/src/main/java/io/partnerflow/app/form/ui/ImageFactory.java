package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.SafeSources;
import java.util.Objects;
import java.util.Set;

/**
 * image: shown only from an embedded raster image or a path on this site ({@link SafeSources}); an
 * external URL, which would tell a third party who opens the task, is replaced by a notice.
 */
final class ImageFactory implements ElementFactory {

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.IMAGE);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    Div holder = new Div();
    holder.addClassName("form-image");
    if (component.id() != null) {
      holder.setId("form-image-" + component.id());
    }
    ImageElement element =
        new ImageElement(component, holder, context.message("form.image.blocked"));
    element.apply(context.state());
    return element;
  }

  private static final class ImageElement implements FormElement {

    private final FormComponent definition;
    private final Div holder;
    private final String blocked;
    private String shown;

    ImageElement(FormComponent definition, Div holder, String blocked) {
      this.definition = definition;
      this.holder = holder;
      this.blocked = blocked;
    }

    @Override
    public FormComponent definition() {
      return definition;
    }

    @Override
    public Component component() {
      return holder;
    }

    @Override
    public void apply(FormState state) {
      FormElement.super.apply(state);
      String source = DynamicSource.text(definition.text("source"), state);
      if (Objects.equals(source, shown)) {
        return;
      }
      shown = source;
      holder.removeAll();
      if (source == null || source.isBlank()) {
        return;
      }
      if (SafeSources.isSafeImage(source)) {
        String alt = definition.text("alt");
        Image image = new Image(source, alt == null ? "" : alt);
        image.setMaxWidth("100%");
        holder.add(image);
      } else {
        Span notice = new Span(blocked);
        notice.addClassName("form-blocked");
        notice.getElement().getThemeList().add("badge contrast");
        holder.add(notice);
      }
    }
  }
}
