package io.partnerflow.app.contract.worker;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.partnerflow.app.contract.Contract;
import io.partnerflow.app.contract.ContractLifecycle;
import io.partnerflow.app.contract.ContractStatus;
import io.partnerflow.app.contract.worker.ContractRecipients.Addressee;
import io.partnerflow.app.notification.NotificationService;
import io.partnerflow.app.notification.Reference;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import io.partnerflow.app.recruitment.application.RecruitmentProperties;
import io.partnerflow.app.security.SystemIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job type {@code contract-notice}: sends the notice named in header {@code template} to whom it
 * concerns and, with header {@code status}, records the contract's new status — in one transaction.
 * Each notice is keyed by the job and the recipient, so a retried job sends nothing twice.
 */
@Component
// public: the Camunda SDK invokes the worker method reflectively
public class ContractNoticeWorker {

  private final ContractLifecycle lifecycle;
  private final PartnerService partners;
  private final ContractRecipients recipients;
  private final NotificationService notifications;
  private final RecruitmentProperties links;
  private final TransactionTemplate transaction;

  ContractNoticeWorker(
      ContractLifecycle lifecycle,
      PartnerService partners,
      ContractRecipients recipients,
      NotificationService notifications,
      RecruitmentProperties links,
      TransactionTemplate transaction) {
    this.lifecycle = lifecycle;
    this.partners = partners;
    this.recipients = recipients;
    this.notifications = notifications;
    this.links = links;
    this.transaction = transaction;
  }

  @JobWorker(type = "contract-notice")
  public void send(
      ActivatedJob job,
      @VariablesAsType ContractVariables variables,
      @CustomHeaders Map<String, String> headers) {
    String template = headers.get("template");
    if (template == null) {
      throw new IllegalArgumentException("The task has no header 'template'");
    }
    long contractId = variables.requireContractId();
    Contract contract = SystemIdentity.call(() -> lifecycle.get(contractId));
    Partner partner =
        SystemIdentity.call(() -> partners.findById(contract.partnerId())).orElseThrow();
    transaction.executeWithoutResult(
        tx -> {
          for (Addressee to : addressees(template, partner, contract)) {
            Map<String, Object> params = parameters(template, partner, contract, variables);
            params.put("recipientName", to.name());
            notifications.enqueue(
                template,
                to.recipient(),
                to.locale(),
                params,
                Reference.of(Reference.PARTNER, partner.id()),
                null,
                "job/" + job.getKey() + "/" + to.recipient().email());
          }
          String status = headers.get("status");
          if (status != null) {
            SystemIdentity.call(
                () -> {
                  lifecycle.recordStatus(contractId, ContractStatus.valueOf(status));
                  return null;
                });
          }
        });
  }

  private List<Addressee> addressees(String template, Partner partner, Contract contract) {
    return switch (template) {
      case "contract-signing-requested", "contract-signing-reminder" ->
          recipients.partnerContact(partner, contract.language());
      case "contract-signed" ->
          concat(
              recipients.manager(partner), recipients.partnerContact(partner, contract.language()));
      case "contract-countersignature-needed" -> recipients.legal();
      case "contract-expired", "contract-declined" -> recipients.manager(partner);
      default -> throw new IllegalArgumentException("No recipients known for " + template);
    };
  }

  private Map<String, Object> parameters(
      String template, Partner partner, Contract contract, ContractVariables variables) {
    Map<String, Object> params = new HashMap<>();
    params.put("partnerName", partner.name());
    switch (template) {
      case "contract-signing-requested", "contract-signing-reminder" ->
          params.put("portalLink", links.link("portal/tasks"));
      case "contract-signed" -> {
        params.put("effectiveOn", String.valueOf(contract.effectiveOn()));
        params.put("endsOn", String.valueOf(contract.endsOn()));
      }
      case "contract-declined" -> {
        params.put("reason", variables.declineReason() == null ? "" : variables.declineReason());
        params.put("taskLink", links.link("tasks"));
      }
      default -> params.put("taskLink", links.link("tasks"));
    }
    return params;
  }

  private static List<Addressee> concat(List<Addressee> first, List<Addressee> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
