package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.SafeSources;
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
    ImageElement element = new ImageElement(component, context.message("form.image.blocked"));
    element.apply(context.state());
    return element;
  }

  private static final class ImageElement extends DisplayElement {

    private final String blocked;

    ImageElement(FormComponent definition, String blocked) {
      super(definition, "image");
      this.blocked = blocked;
    }

    @Override
    String content(FormState state) {
      return DynamicSource.text(definition().text("source"), state);
    }

    @Override
    void show(String source, Div holder) {
      if (source.isBlank()) {
        return;
      }
      if (SafeSources.isSafeImage(source)) {
        String alt = definition().text("alt");
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
