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
 * with its SHA-256; seals signed contracts with the installation's key; reads documents back for
 * staff and the partner's own users (see {@link DocumentAccess}); verifies uploaded PDFs.
 */
@Service
public class ContractDocumentService implements ContractDocuments {

  private static final String SYSTEM = PartnerService.SYSTEM;
  private static final String ADMIN = "ROLE_ADMIN";
  private static final String MANAGER = "ROLE_PARTNER_MANAGER";
  private static final String LEGAL = "ROLE_LEGAL";
  private static final String ENABLEMENT = "ROLE_ENABLEMENT";
  private static final String PARTNER = "ROLE_PARTNER";

  private final ContractTemplates templates;
  private final ContractPdf pdf;
  private final ContractDocumentRepository repository;
  private final DocumentAccess access;
  private final PartnerService partners;
  private final TranslationProvider translations;
  private final ContractDocumentProperties properties;
  private final ContractSealer sealer;
  private final SealVerifier verifier;
  private final Clock clock;

  ContractDocumentService(
      ContractTemplates templates,
      ContractPdf pdf,
      ContractDocumentRepository repository,
      DocumentAccess access,
      PartnerService partners,
      TranslationProvider translations,
      ContractDocumentProperties properties,
      ContractSealer sealer,
      SealVerifier verifier,
      Clock clock) {
    this.templates = templates;
    this.pdf = pdf;
    this.repository = repository;
    this.access = access;
    this.partners = partners;
    this.translations = translations;
    this.properties = properties;
    this.sealer = sealer;
    this.verifier = verifier;
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

  /**
   * Seals the generated document with the signatures' evidence. Sealing the same document again (a
   * retried job) returns the sealed document made the first time.
   */
  @Override
  @Secured({SYSTEM})
  @Transactional
  public StoredDocument seal(long documentId, List<SignatureEvidence> evidence) {
    if (evidence == null || evidence.isEmpty()) {
      throw new IllegalArgumentException("A contract is sealed with at least one signature");
    }
    StoredDocument source =
        repository
            .find(documentId)
            .orElseThrow(() -> new IllegalArgumentException("No contract document " + documentId));
    if (source.kind() != StoredDocument.Kind.GENERATED) {
      throw new IllegalArgumentException("Document " + documentId + " is sealed already");
    }
    var earlier = repository.findSealedFrom(documentId);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String number = repository.contractNumber(documentId);
    Instant now = clock.instant();
    byte[] sealed =
        sealer.seal(
            repository.content(documentId).orElseThrow(),
            source.sha256(),
            number,
            source.language(),
            evidence,
            now);
    long id =
        repository.insert(
            new NewDocument(
                source.partnerId(),
                source.contractId(),
                StoredDocument.Kind.SEALED,
                source.id(),
                number,
                source.fileName().replaceAll("\\.pdf$", "") + "-sealed.pdf",
                source.templateId(),
                source.templateVersion(),
                source.language(),
                Sha256.hex(sealed),
                sealed,
                now));
    return repository.find(id).orElseThrow();
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
  @Secured({SYSTEM, ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER})
  @Transactional(readOnly = true)
  public SealCheck verify(byte[] pdf) {
    return check(pdf).verdict();
  }

  /**
   * The verdict on an uploaded PDF: {@code VALID} when it is byte for byte a sealed document stored
   * here and its seal verifies; {@code MODIFIED} when it carries this installation's seal or names
   * a stored contract but is not such a document (changed, or an unsigned draft); {@code UNKNOWN}
   * otherwise. Staff also learn which document or contract it is; partner users only the verdict.
   */
  @Secured({SYSTEM, ADMIN, MANAGER, LEGAL, ENABLEMENT, PARTNER})
  @Transactional(readOnly = true)
  public Verification check(byte[] pdf) {
    Verification verification = recognise(pdf);
    return access.isStaff() ? verification : verification.verdictOnly();
  }

  private Verification recognise(byte[] pdf) {
    List<StoredDocument> sealed =
        repository.findBySha256(Sha256.hex(pdf), StoredDocument.Kind.SEALED);
    SealVerifier.Reading reading = verifier.read(pdf);
    List<String> known =
        reading.contractNumbers().stream().filter(repository::contractNumberExists).toList();
    if (!sealed.isEmpty()) {
      return new Verification(
          reading.sealIntact() ? SealCheck.VALID : SealCheck.MODIFIED, sealed.get(0), known);
    }
    if (reading.carriesSeal() || !known.isEmpty()) {
      return new Verification(SealCheck.MODIFIED, null, known);
    }
    return new Verification(SealCheck.UNKNOWN, null, List.of());
  }
}
