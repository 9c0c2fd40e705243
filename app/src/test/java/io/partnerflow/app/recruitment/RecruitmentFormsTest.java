package io.partnerflow.app.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.form.FormComponent;
import io.partnerflow.app.form.FormSchema;
import io.partnerflow.app.form.FormService;
import io.partnerflow.app.form.FormValidationResult;
import io.partnerflow.app.recruitment.application.ApplicationForm;
import io.partnerflow.app.support.PartnerflowTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The recruitment forms in forms/: they parse, validate as intended and are fully translated. */
@PartnerflowTest
class RecruitmentFormsTest {

  @Autowired FormService forms;

  @ParameterizedTest
  @ValueSource(strings = {"partner-application", "application-review", "additional-information"})
  void shouldParseAndTranslateEveryTextIntoBothLanguages(String formId) throws IOException {
    // given
    FormSchema schema = forms.load(formId).orElseThrow();
    Set<String> names =
        schema.components().stream()
            .flatMap(FormComponent::flatten)
            .map(FormComponent::translationKey)
            .collect(Collectors.toSet());

    // when
    Properties english = load("forms/i18n/" + formId + "_en.properties");
    Properties chinese = load("forms/i18n/" + formId + "_zh_CN.properties");

    // then
    assertThat(chinese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    assertThat(english.stringPropertyNames())
        .allSatisfy(key -> assertThat(names).contains(key.substring(0, key.indexOf('.'))));
    assertThat(schema.inputs())
        .allSatisfy(input -> assertThat(english).containsKey(input.translationKey() + ".label"));
  }

  @Test
  void shouldAcceptACompleteApplicationAndRefuseAnIncompleteOne() {
    // given
    FormSchema application = forms.load("partner-application").orElseThrow();
    Map<String, Object> complete = new HashMap<>();
    complete.put("companyName", "Northwind Cloud Partners");
    complete.put("website", "https://northwind.example");
    complete.put("country", "DE");
    complete.put("partnerType", "reseller");
    complete.put("employees", 40);
    complete.put("yearsInBusiness", 6);
    complete.put("targetIndustries", List.of("software", "retail"));
    complete.put("customersInSegment", 12);
    complete.put("certifiedStaff", 3);
    complete.put("contactName", "Ada Lovelace");
    complete.put("contactEmail", "ada@northwind.example");
    complete.put("consent", true);
    Map<String, Object> incomplete = new HashMap<>(complete);
    incomplete.remove("consent");
    incomplete.put("contactEmail", "not an address");
    incomplete.put("country", "XX");

    // when
    Map<String, Object> variables = ApplicationForm.variables(Locale.ENGLISH);
    FormValidationResult accepted = forms.validate(application, variables, complete);
    FormValidationResult refused = forms.validate(application, variables, incomplete);

    // then
    assertThat(accepted.errors()).isEmpty();
    assertThat(accepted.values()).containsEntry("companyName", "Northwind Cloud Partners");
    assertThat(refused.errors())
        .extracting(error -> error.key())
        .contains("consent", "contactEmail", "country");
  }

  @Test
  void shouldAskForATierOnlyWhenTheReviewerApproves() {
    // given
    FormSchema review = forms.load("application-review").orElseThrow();
    Map<String, Object> variables = Map.of("companyName", "Northwind", "fitScore", 72);

    // when
    FormValidationResult rejectWithoutTier =
        forms.validate(
            review, variables, Map.of("decision", "reject", "rejectionReason", "Too small"));
    FormValidationResult approveWithoutTier =
        forms.validate(review, variables, Map.of("decision", "approve"));
    FormValidationResult approveWithTier =
        forms.validate(review, variables, Map.of("decision", "approve", "tier", "Gold"));

    // then
    assertThat(rejectWithoutTier.errors()).isEmpty();
    assertThat(approveWithoutTier.errors()).extracting(error -> error.key()).contains("tier");
    assertThat(approveWithTier.errors()).isEmpty();
  }

  @Test
  void shouldRequireAnInternalReasonToRejectAndKeepTheApplicantsMessageOptional() {
    // given
    FormSchema review = forms.load("application-review").orElseThrow();
    Map<String, Object> variables = Map.of("companyName", "Northwind", "fitScore", 12);

    // when
    FormValidationResult withoutReason =
        forms.validate(review, variables, Map.of("decision", "reject"));
    FormValidationResult withReasonOnly =
        forms.validate(
            review, variables, Map.of("decision", "reject", "rejectionReason", "No references"));
    FormValidationResult withMessage =
        forms.validate(
            review,
            variables,
            Map.of(
                "decision",
                "reject",
                "rejectionReason",
                "No references",
                "applicantMessage",
                "We only take partners with two years of references."));
    FormValidationResult approveWithAReason =
        forms.validate(
            review,
            variables,
            Map.of("decision", "approve", "tier", "Gold", "rejectionReason", "left over"));

    // then
    assertThat(withoutReason.errors())
        .extracting(error -> error.key())
        .containsExactly("rejectionReason");
    assertThat(withReasonOnly.errors()).isEmpty();
    assertThat(withReasonOnly.values()).containsEntry("rejectionReason", "No references");
    assertThat(withMessage.errors()).isEmpty();
    assertThat(withMessage.values())
        .containsEntry("applicantMessage", "We only take partners with two years of references.");
    // the reason belongs to a rejection only: sent with an approval it is refused, not stored
    assertThat(approveWithAReason.errors())
        .extracting(error -> error.key())
        .containsExactly("rejectionReason");
  }

  @Test
  void shouldLeaveTheApplicationsFactsToTheTaskPageNotTheForm() {
    // the facts are shown once, beside the form, in words (TaskContext)
    FormSchema review = forms.load("application-review").orElseThrow();
    assertThat(review.inputs())
        .extracting(input -> input.key())
        .doesNotContain("companyName", "country", "partnerType", "screeningResult")
        .contains("decision", "tier", "rejectionReason", "applicantMessage");
  }

  private static Properties load(String path) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
