package io.partnerflow.app.recruitment.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code partnerflow.recruitment.fill-time.*}: the cost of a bulk submission of the public
 * form is the time a person needs to fill it.
 *
 * @param minimum a submission sooner than this after the form was shown is refused as too fast
 * @param maximum a form shown longer ago than this must be reloaded
 */
@ConfigurationProperties("partnerflow.recruitment.fill-time")
public record FillTimeProperties(
    @DefaultValue("3s") Duration minimum, @DefaultValue("12h") Duration maximum) {

  public FillTimeProperties {
    if (minimum.isNegative() || maximum.compareTo(minimum) <= 0) {
      throw new IllegalArgumentException(
          "partnerflow.recruitment.fill-time: minimum must be >= 0 and below maximum");
    }
  }
}
