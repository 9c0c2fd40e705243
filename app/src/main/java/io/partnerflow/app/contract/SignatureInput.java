package io.partnerflow.app.contract;

/**
 * What the signer submits: the name they typed, their consent, and the SHA-256 of the document the
 * page showed them; the screen adds the request's client address and user agent.
 */
public record SignatureInput(
    String typedName,
    boolean consent,
    String shownDocumentSha256,
    String clientAddress,
    String userAgent) {}
