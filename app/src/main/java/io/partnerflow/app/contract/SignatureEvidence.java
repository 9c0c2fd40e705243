package io.partnerflow.app.contract;

import java.time.Instant;

/**
 * What is recorded for one signature: who (account and the name they typed), when (the engine's
 * clock), from where (client address, user agent) and what (the SHA-256 of the exact document
 * shown). A platform countersignature has account {@code system} and no address.
 */
public record SignatureEvidence(
    SignerRole role,
    String account,
    String typedName,
    Instant signedAt,
    String clientAddress,
    String userAgent,
    String documentSha256) {}
