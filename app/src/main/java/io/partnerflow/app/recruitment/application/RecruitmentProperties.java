package io.partnerflow.app.recruitment.application;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code partnerflow.recruitment.*} of the public application form.
 *
 * @param publicUrl address of this platform as applicants reach it; status links in e-mails start
 *     with it
 * @param maxApplicationsPerAddress applications one IP address may store within {@code
 *     rateLimitWindow}
 * @param rateLimitWindow the window of the per-address limit
 * @param maxSubmissionChars most characters a submission may have as JSON (every field has its own
 *     maximum in the form on top)
 * @param addressSalt secret mixed into the stored hash of the sender's address; blank (the
 *     default): a secret generated once per installation and kept in the database, shared by all
 *     nodes
 * @param startRetryInterval pause between two runs of the retry that starts the process of
 *     applications whose start failed
 * @param statusLinkValidityAfterClose how long the applicant's status links keep working after the
 *     application closed (approved, rejected, blocked, withdrawn)
 */
@ConfigurationProperties("partnerflow.recruitment")
public record RecruitmentProperties(
    @DefaultValue("http://localhost:8080") URI publicUrl,
    @DefaultValue("5") int maxApplicationsPerAddress,
    @DefaultValue("1h") Duration rateLimitWindow,
    @DefaultValue("20000") int maxSubmissionChars,
    @DefaultValue("") String addressSalt,
    @DefaultValue("1m") Duration startRetryInterval,
    @DefaultValue("90d") Duration statusLinkValidityAfterClose,
    @DefaultValue("5m") Duration startClaim) {

  public RecruitmentProperties {
    if (publicUrl == null || !publicUrl.toString().matches("(?i)^https?://\\S+$")) {
      throw new IllegalArgumentException("partnerflow.recruitment.public-url must be http(s)");
    }
    if (maxApplicationsPerAddress < 1 || maxSubmissionChars < 1) {
      throw new IllegalArgumentException(
          "max-applications-per-address and max-submission-chars must be at least 1");
    }
  }

  /** The status page of a token, absolute. */
  public String statusLink(String token) {
    return link("apply/status/" + token);
  }

  /** An absolute link to a path of this platform as applicants and staff reach it from e-mails. */
  public String link(String path) {
    return publicUrl.toString().replaceAll("/+$", "") + "/" + path.replaceAll("^/+", "");
  }
}
