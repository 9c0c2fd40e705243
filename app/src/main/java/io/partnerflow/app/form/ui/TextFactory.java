package io.partnerflow.app.form.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import io.partnerflow.app.form.ComponentTypes;
import io.partnerflow.app.form.FeelExpressions;
import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormState;
import io.partnerflow.app.form.SafeMarkdown;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * text: Markdown shown as escaped, simple HTML ({@link SafeMarkdown}); a {@code =} FEEL text is
 * shown as plain text. {@code {{name}}} placeholders take the value of a variable or field, and
 * both follow the entered values.
 */
final class TextFactory implements ElementFactory {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
  private static final FeelExpressions FEEL = new FeelExpressions();

  @Override
  public Set<String> types() {
    return Set.of(ComponentTypes.TEXT);
  }

  @Override
  public FormElement create(FormComponent component, RenderContext context) {
    String source = context.labels().text(component);
    TextElement element = new TextElement(component, source == null ? "" : source);
    element.apply(context.state());
    return element;
  }

  private static final class TextElement extends DisplayElement {

    private final String source;

    TextElement(FormComponent definition, String source) {
      super(definition, "text");
      this.source = source;
    }

    @Override
    String content(FormState state) {
      return FeelExpressions.isExpression(source)
          ? String.valueOf(FEEL.evaluate(source, state.context()))
          : fill(source, state.context());
    }

    @Override
    void show(String text, Div holder) {
      if (FeelExpressions.isExpression(source)) {
        holder.setText(text);
      } else {
        holder.add(new Html(SafeMarkdown.toHtml(text)));
      }
    }

    /** Values go in before the Markdown is escaped, so they cannot inject markup either. */
    private static String fill(String template, Map<String, Object> context) {
      Matcher placeholder = PLACEHOLDER.matcher(template);
      StringBuilder out = new StringBuilder();
      while (placeholder.find()) {
        Object value = lookup(context, placeholder.group(1));
        placeholder.appendReplacement(
            out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
      }
      placeholder.appendTail(out);
      return out.toString();
    }

    private static Object lookup(Map<String, Object> context, String path) {
      Object value = context;
      for (String name : path.split("\\.")) {
        if (!(value instanceof Map<?, ?> map)) {
          return null;
        }
        value = map.get(name);
      }
      return value;
    }
  }
}
