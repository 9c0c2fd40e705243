package io.partnerflow.app.enablement.learning;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which questions an attempt gets: all of them, or a number drawn at random (a secure random in
 * production, so the draw cannot be predicted; tests pass a seeded one).
 */
@Component
class QuestionDraw {

  private final Random random;

  @Autowired
  QuestionDraw() {
    this(new SecureRandom());
  }

  QuestionDraw(Random random) {
    this.random = random;
  }

  /**
   * @param questionIds the quiz's questions in their order
   * @param perAttempt how many to draw, null (or not fewer than there are) for all
   * @return the drawn ids in the quiz's order
   */
  List<Long> draw(List<Long> questionIds, Integer perAttempt) {
    if (perAttempt == null || perAttempt >= questionIds.size()) {
      return List.copyOf(questionIds);
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < questionIds.size(); i++) {
      indexes.add(i);
    }
    Collections.shuffle(indexes, random);
    return indexes.subList(0, perAttempt).stream().sorted().map(questionIds::get).toList();
  }
}
