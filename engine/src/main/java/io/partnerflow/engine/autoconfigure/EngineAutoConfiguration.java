package io.partnerflow.engine.autoconfigure;

import io.partnerflow.engine.state.writebehind.WriteBehindDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
@Import(EngineSecurityConfiguration.class)
@ComponentScan(
    basePackages = "io.partnerflow.engine",
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.partnerflow\\.engine\\.(autoconfigure|scenario)\\..*"))
public class EngineAutoConfiguration {

  /**
   * Wraps the DataSource in a {@link WriteBehindDataSource}, so that the engine's writes whose
   * results nothing reads travel with the next statement or the commit (package {@code
   * state.writebehind}); {@code partnerflow.engine.write-behind=false} sends each at once, for
   * comparison. The application's own statements pass through unchanged.
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "partnerflow.engine",
      name = "write-behind",
      havingValue = "true",
      matchIfMissing = true)
  static BeanPostProcessor writeBehindDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof WriteBehindDataSource)
            ? new WriteBehindDataSource(dataSource)
            : bean;
      }
    };
  }
}
