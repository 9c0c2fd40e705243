package io.partnerflow.engine.state;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Settings under {@code partnerflow.engine.search.*}. */
@Component
@ConfigurationProperties(prefix = "partnerflow.engine.search")
public class SearchProperties {

  /**
   * The user task and process instance searches count matches up to this number; beyond it {@code
   * totalItems} is this number and {@code hasMoreTotalItems} is true, as Camunda's secondary
   * storage answers (its {@code max-total-hits}, also 10,000): counting every open task of a large
   * group cost more than finding the page (and so did counting 100,000 instances for every page of
   * the console's list).
   */
  private int maxTotalHits = 10_000;

  public int getMaxTotalHits() {
    return maxTotalHits;
  }

  public void setMaxTotalHits(int maxTotalHits) {
    this.maxTotalHits = maxTotalHits;
  }
}
