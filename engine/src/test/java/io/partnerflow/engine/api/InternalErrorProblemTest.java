package io.partnerflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A 500 of /v2 names a log reference, never the internal exception's message. */
class InternalErrorProblemTest {

  private final ProblemResponses problems = new ProblemResponses(new ObjectMapper());

  @Test
  void shouldNotEchoTheExceptionMessageOfAnUnexpectedFailure() {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v2/user-tasks/search");
    RuntimeException failure =
        new IllegalStateException("relation \"engine.user_task\" password=hunter2");

    // when
    ResponseEntity<ProblemDetail> answer =
        new ProblemDetailsAdvice(problems).unexpected(failure, request);

    // then
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getDetail())
        .doesNotContain("hunter2")
        .doesNotContain("user_task")
        .contains("reference");
  }

  @Test
  void shouldNotEchoItFromTheHotPathEither() throws Exception {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v2/jobs/activation");
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    problems.internalError(request, response, new IllegalStateException("secret SQL detail"));

    // then
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString())
        .doesNotContain("secret SQL detail")
        .contains("INTERNAL_ERROR");
  }
}
