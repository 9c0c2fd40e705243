package io.partnerflow.engine.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.engine.state.writebehind.WriteBehindDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class WriteBehindConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(WriteBehindConfiguration.class)
          .withBean("dataSource", DataSource.class, SimpleDriverDataSource::new);

  @Test
  void shouldWrapTheDataSourceByDefault() {
    context.run(
        started ->
            assertThat(started.getBean(DataSource.class))
                .isInstanceOf(WriteBehindDataSource.class)
                .extracting(wrapper -> ((WriteBehindDataSource) wrapper).getTargetDataSource())
                .isInstanceOf(SimpleDriverDataSource.class));
  }

  @Test
  void shouldLeaveTheDataSourceAsItIsWhenSwitchedOff() {
    context
        .withPropertyValues("partnerflow.engine.write-behind=false")
        .run(
            started ->
                assertThat(started.getBean(DataSource.class))
                    .isInstanceOf(SimpleDriverDataSource.class));
  }
}
