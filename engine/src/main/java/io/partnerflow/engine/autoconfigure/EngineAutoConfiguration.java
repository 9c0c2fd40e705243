package io.partnerflow.engine.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * Starts the embedded engine when {@code partnerflow.engine.enabled} is true (the default).
 *
 * <p>Scans the engine's feature packages (so a new processor, command or controller needs no
 * registration); this package and anything outside the engine's main packages are left out.
 */
// before Boot's security auto-configuration: it adds its default catch-all chain only when no
// SecurityFilterChain exists, and that decision must see ours; the app secures everything else
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnProperty(
    prefix = "partnerflow.engine",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(EngineProperties.class)
@Import({EngineSecurityConfiguration.class, WriteBehindConfiguration.class})
@ComponentScan(
    basePackages = "io.partnerflow.engine",
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.partnerflow\\.engine\\.(autoconfigure|scenario)\\..*"))
public class EngineAutoConfiguration {}
