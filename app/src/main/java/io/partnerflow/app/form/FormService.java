package io.partnerflow.app.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Server-side entry to Camunda Forms: read a form (from the engine's JSON or the forms shipped on
 * the classpath) and check a submission before it reaches the process. Rendering is {@link
 * io.partnerflow.app.form.ui.FormRenderer}.
 */
@Service
public class FormService {

  private final FormSchemaParser parser = new FormSchemaParser();
  private final FormValidator validator = new FormValidator();

  /**
   * @throws FormParseException when the text is not form-js JSON
   */
  public FormSchema parse(String formJson) {
    return parser.parse(formJson);
  }

  /** The form {@code classpath:/forms/<formId>.form} as built from {@code forms/}, if any. */
  public Optional<FormSchema> load(String formId) {
    if (!FormIds.isSafe(formId)) {
      return Optional.empty();
    }
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("forms/" + formId + ".form")) {
      return in == null
          ? Optional.empty()
          : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read form " + formId, e);
    }
  }

  /**
   * Re-checks submitted values against the form as shown with these variables. Use the result's
   * {@code values()} (never the raw submission) to complete the task or start the process.
   */
  public FormValidationResult validate(
      FormSchema schema, Map<String, Object> variables, Map<String, Object> submitted) {
    return validator.validate(schema, variables, submitted);
  }
}
