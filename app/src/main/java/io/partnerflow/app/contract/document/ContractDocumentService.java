package io.partnerflow.app.contract.document;

import io.partnerflow.app.base.i18n.TranslationProvider;
import io.partnerflow.app.contract.ContractDocuments;
import io.partnerflow.app.contract.ContractDraft;
import io.partnerflow.app.contract.SealCheck;
import io.partnerflow.app.contract.SignatureEvidence;
import io.partnerflow.app.contract.StoredDocument;
import io.partnerflow.app.contract.document.ContractDocumentRepository.NewDocument;
import io.partnerflow.app.partner.Partner;
import io.partnerflow.app.partner.PartnerService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract documents: fills a template with the partner's record, renders it to PDF and stores it
 * with its SHA-256; reads documents back for staff and the partner's own users (see {@link
 * DocumentAccess}).
 */
@Service
public class ContractDocumentService implements ContractDocuments {

  private static final String SYSTEM = PartnerService.SYSTEM;
  private static final String ADMIN = "ROLE_ADMIN";
  private static final String MANAGER = "ROLE_PARTNER_MANAGER";
  private static final String LEGAL = "ROLE_LEGAL";
  private static final String PARTNER = "ROLE_PARTNER";

  private final ContractTemplates templates;
  private final ContractPdf pdf;
  private final ContractDocumentRepository repository;
  private final DocumentAccess access;
  private final PartnerService partners;
  private final TranslationProvider translations;
  private final ContractDocumentProperties properties;
  private final Clock clock;

  ContractDocumentService(
      ContractTemplates templates,
      ContractPdf pdf,
      ContractDocumentRepository repository,
      DocumentAccess access,
      PartnerService partners,
      TranslationProvider translations,
      ContractDocumentProperties properties,
      Clock clock) {
    this.templates = templates;
    this.pdf = pdf;
    this.repository = repository;
    this.access = access;
    this.partners = partners;
    this.translations = translations;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  @Secured({SYSTEM, ADMIN, MANAGER, LEGAL})
  @Transactional
  public StoredDocument render(ContractDraft draft) {
    ContractTemplate template = templates.load(draft.templateId(), draft.language());
    Partner partner =
        partners
            .findById(draft.partnerId())
            .orElseThrow(() -> new IllegalArgumentException("No partner " + draft.partnerId()));
    Map<String, String> values =
        ContractValues.of(
            draft,
            partner,
            partners.contacts(draft.partnerId()),
            properties.vendorName(),
            translations);
    String name = template.id() + "." + template.language() + ".md";
    String title = MarkdownText.unescape(Placeholders.fill(name, template.title(), values));
    String body = Placeholders.fill(name, template.body(), values);
    String number = values.get("contractNumber");
    Instant now = clock.instant();
    Locale locale = ContractValues.locale(draft.language());
    byte[] bytes =
        pdf.render(
            new ContractPdf.Content(
                title,
                List.of(
                    translations.getTranslation("document.titleBlock.number", locale, number),
                    translations.getTranslation(
                        "document.titleBlock.parties",
                        locale,
                        properties.vendorName(),
                        partner.name()),
                    translations.getTranslation(
                        "document.titleBlock.template",
                        locale,
                        template.id(),
                        template.version(),
                        values.get("effectiveDate"))),
                body,
                number,
                draft.language(),
                now,
                (page, pages) ->
                    translations.getTranslation(
                        "document.page", locale, Integer.toString(page), Integer.toString(pages))));
    long id =
        repository.insert(
            new NewDocument(
                partner.id(),
                draft.contractId(),
                StoredDocument.Kind.GENERATED,
                null,
                number,
                number + "-" + template.id() + "-" + template.language() + ".pdf",
                template.id(),
                template.version(),
                template.language(),
                Sha256.hex(bytes),
                bytes,
                now));
    return repository.find(id).orElseThrow();
  }

  @Override
  @Secured({SYSTEM})
  @Transactional
  public StoredDocument seal(long documentId, List<SignatureEvidence> evidence) {
    throw new UnsupportedOperationException("Sealing follows");
  }

  @Override
  @Secured({SYSTEM, ADMIN, MANAGER, LEGAL, PARTNER})
  @Transactional(readOnly = true)
  public StoredDocument describe(long documentId) {
    return access.check(documentId, repository.find(documentId));
  }

  @Override
  @Secured({SYSTEM, ADMIN, MANAGER, LEGAL, PARTNER})
  @Transactional(readOnly = true)
  public byte[] content(long documentId) {
    access.check(documentId, repository.find(documentId));
    return repository.content(documentId).orElseThrow(() -> DocumentAccess.refused(documentId));
  }

  @Override
  public SealCheck verify(byte[] pdf) {
    throw new UnsupportedOperationException("Verification follows");
  }
}
