package io.partnerflow.app.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The browser-side defences every answer of the UI and the actuator carries, on top of Spring
 * Security's defaults (no-sniff, frame denial, no caching of pages).
 *
 * <p>The content security policy is what Vaadin Flow runs under: its client sets inline styles and
 * runs the server's JavaScript calls through {@code new Function}, hence {@code 'unsafe-inline'}
 * and {@code 'unsafe-eval'} for scripts and inline styles; everything else comes from this origin
 * only (images also as data:/blob: URLs, e.g. icons and avatars). No page may be framed, no form
 * posted elsewhere, no plugin loaded.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data: blob:",
          "font-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /** No camera, microphone, location, payment or USB for any page or embedded frame. */
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  private SecurityHeaders() {}

  /** The referrer never leaves the site: the applicant's status page has its token in the path. */
  static Customizer<HeadersConfigurer<HttpSecurity>> all() {
    return headers ->
        headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
  }
}
