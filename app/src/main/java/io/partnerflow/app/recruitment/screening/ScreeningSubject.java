package io.partnerflow.app.recruitment.screening;

/**
 * Who is screened: the applying company, its country and its contact person.
 *
 * @param country ISO 3166-1 alpha-2 code
 */
public record ScreeningSubject(String companyName, String country, String contactName) {}
