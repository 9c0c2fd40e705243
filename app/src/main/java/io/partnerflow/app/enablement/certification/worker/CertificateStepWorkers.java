package io.partnerflow.app.enablement.certification.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.partnerflow.app.enablement.certification.Certificate;
import io.partnerflow.app.enablement.certification.CertificationProperties;
import io.partnerflow.app.enablement.certification.CertificationService;
import io.partnerflow.app.security.SystemIdentity;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The certificate steps of bpmn/certification.bpmn, one job type each: {@code certification-issue}
 * and {@code certification-renew} (both set {@code certificateId}, {@code expiresAt} and {@code
 * renewalAt}, the timers' dates) and {@code certification-lapse}. Each is idempotent, so a retried
 * job changes nothing twice.
 */
@Component
// public: the Camunda SDK invokes the worker methods reflectively
public class CertificateStepWorkers {

  private final CertificationService certification;
  private final CertificationProperties properties;

  CertificateStepWorkers(CertificationService certification, CertificationProperties properties) {
    this.certification = certification;
    this.properties = properties;
  }

  @JobWorker(type = "certification-issue")
  public Map<String, Object> issue(@VariablesAsType CertificationVariables variables) {
    long certificationId = variables.requireCertificationId();
    long userId = variables.requireUserId();
    return timing(SystemIdentity.call(() -> certification.issue(certificationId, userId)));
  }

  @JobWorker(type = "certification-renew")
  public Map<String, Object> renew(@VariablesAsType CertificationVariables variables) {
    long certificateId = variables.requireCertificateId();
    return timing(SystemIdentity.call(() -> certification.renew(certificateId)));
  }

  @JobWorker(type = "certification-lapse")
  public void lapse(@VariablesAsType CertificationVariables variables) {
    long certificateId = variables.requireCertificateId();
    SystemIdentity.call(() -> certification.lapse(certificateId));
  }

  private Map<String, Object> timing(Certificate certificate) {
    Map<String, Object> result = new HashMap<>();
    result.put("certificateId", certificate.id());
    result.put("expiresAt", certificate.expiresAt().toString());
    result.put(
        "renewalAt",
        certificate
            .expiresAt()
            .atZone(ZoneOffset.UTC)
            .minus(properties.renewalLead())
            .toInstant()
            .toString());
    return result;
  }
}
