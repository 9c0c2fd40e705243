package io.partnerflow.app.enablement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.annotation.Secured;

/**
 * Everyone who reads the enablement catalogue and certificates: staff, partner users (whose objects
 * the services check one by one) and the process workers. One list, not a copy per method.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Secured({
  "ROLE_ADMIN",
  "ROLE_PARTNER_MANAGER",
  "ROLE_LEGAL",
  "ROLE_ENABLEMENT",
  "ROLE_PARTNER",
  "ROLE_SYSTEM"
})
public @interface EnablementReaders {}
