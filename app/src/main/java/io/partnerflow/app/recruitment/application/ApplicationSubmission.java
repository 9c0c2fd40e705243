package io.partnerflow.app.recruitment.application;

import java.util.Locale;
import java.util.Map;

/**
 * What the public form sends.
 *
 * @param values the form values as entered (checked again on the server)
 * @param honeypot the hidden field people never see: anything in it marks a bot
 * @param remoteAddress the sender's IP address (only its keyed hash is stored)
 * @param locale the applicant's language
 * @param formTicket the signed time the form was shown ({@link FormTickets}): a submission must
 *     take a person's time to fill the form
 */
public record ApplicationSubmission(
    Map<String, Object> values,
    String honeypot,
    String remoteAddress,
    Locale locale,
    String formTicket) {}
