package io.partnerflow.app.recruitment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.partnerflow.app.recruitment.screening.ComplianceScreening;
import io.partnerflow.app.recruitment.screening.ScreeningOutcome;
import io.partnerflow.app.recruitment.screening.ScreeningResult;
import io.partnerflow.app.recruitment.screening.ScreeningSubject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class ComplianceScreeningWorkerTest {

  @Mock ComplianceScreening screening;

  @Test
  void shouldReturnOnlyTheOutcomeAndReasonsAsProcessVariables() {
    // given
    when(screening.screen(new ScreeningSubject("Acme", "DE", "Ada")))
        .thenReturn(new ScreeningResult(ScreeningOutcome.REVIEW, List.of("near hit")));
    ComplianceScreeningWorker worker = new ComplianceScreeningWorker(screening);

    // when
    Map<String, Object> variables = worker.screen("Acme", "DE", "Ada");

    // then
    assertThat(variables)
        .containsOnly(
            Map.entry("screeningResult", "review"),
            Map.entry("screeningReasons", List.of("near hit")));
  }
}
