package io.partnerflow.app.recruitment.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReviewOverdueWorkerTest {

  @Test
  void shouldWriteTheDueDateAsPeopleReadItInUtc() {
    // given: a due date of a reviewer in Shanghai
    OffsetDateTime due =
        OffsetDateTime.of(2026, 12, 6, 18, 36, 43, 146_143_000, ZoneOffset.ofHours(8));

    // when / then
    assertThat(ReviewOverdueWorker.dueDate(due)).isEqualTo("6 Dec 2026, 10:36 UTC");
  }

  @Test
  void shouldSayWhenTheTaskHasNoDueDate() {
    assertThat(ReviewOverdueWorker.dueDate(null)).isEqualTo("(no due date)");
  }
}
