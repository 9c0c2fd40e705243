package io.partnerflow.app.dashboard;

/** A count under a key (a tier, a country code, a status), in the order the query gives. */
public record CountBy(String key, long count) {}
