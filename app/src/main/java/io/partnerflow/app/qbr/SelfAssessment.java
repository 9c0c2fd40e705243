package io.partnerflow.app.qbr;

import java.math.BigDecimal;

/**
 * What the partner enters for a quarter: how it went in its own words, and the new customers and
 * revenue it counts (entered by hand until deals are recorded; the manager may correct them).
 */
public record SelfAssessment(
    String text, Integer newCustomers, BigDecimal revenue, String actualsNote) {}
