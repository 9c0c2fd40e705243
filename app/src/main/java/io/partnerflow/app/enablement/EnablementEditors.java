package io.partnerflow.app.enablement;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.annotation.Secured;

/**
 * Who edits the catalogue: the enablement team and administrators (one list, not a copy per
 * method).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Secured({"ROLE_ENABLEMENT", "ROLE_ADMIN"})
public @interface EnablementEditors {}
