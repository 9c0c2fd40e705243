package io.partnerflow.engine.autoconfigure;

import io.partnerflow.engine.state.writebehind.WriteBehindDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the DataSource in a {@link WriteBehindDataSource}, so that the engine's writes whose
 * results nothing reads travel with the next statement or the commit (package {@code
 * state.writebehind}); {@code partnerflow.engine.write-behind=false} sends each at once, for
 * comparison. The application's own statements pass through unchanged: nothing of theirs is held.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "partnerflow.engine",
    name = "write-behind",
    havingValue = "true",
    matchIfMissing = true)
class WriteBehindConfiguration {

  @Bean
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
