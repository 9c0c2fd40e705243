package io.partnerflow.app.recruitment.application;

/** What is inserted for a valid submission; {@code dataJson} is the validated values as JSON. */
record NewApplication(
    String token,
    String companyName,
    String contactName,
    String contactEmail,
    String country,
    String partnerType,
    String dataJson,
    String locale,
    String remoteAddressHash) {}
