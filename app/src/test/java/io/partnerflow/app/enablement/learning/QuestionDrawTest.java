package io.partnerflow.app.enablement.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class QuestionDrawTest {

  private static final List<Long> BANK = LongStream.rangeClosed(1, 20).boxed().toList();

  @Test
  void shouldTakeAllQuestionsWhenNoNumberIsSet() {
    assertThat(new QuestionDraw(new Random(1)).draw(BANK, null)).isEqualTo(BANK);
    assertThat(new QuestionDraw(new Random(1)).draw(BANK, 25)).isEqualTo(BANK);
  }

  @Test
  void shouldDrawTheSameWithTheSameSeed() {
    List<Long> first = new QuestionDraw(new Random(42)).draw(BANK, 5);
    List<Long> second = new QuestionDraw(new Random(42)).draw(BANK, 5);

    assertThat(first).hasSize(5).doesNotHaveDuplicates().isSorted().isSubsetOf(BANK);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldDrawDifferentQuestionsAcrossAttempts() {
    QuestionDraw draw = new QuestionDraw(new Random(7));
    Set<List<Long>> draws = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      draws.add(draw.draw(BANK, 5));
    }
    // 15,504 possible draws of 5 from 20: twenty draws are (almost surely) not all one
    assertThat(draws).hasSizeGreaterThan(10);
  }
}
