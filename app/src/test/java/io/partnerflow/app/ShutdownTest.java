package io.partnerflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing the platform (Ctrl+C, SIGTERM) stops workers, schedules and engine without an ERROR. */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownTest {

  @Test
  void shouldShutDownWithoutErrors(CapturedOutput output) throws Exception {
    // given: a running platform whose job workers poll the engine
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PartnerflowApplication.class)
            .profiles("test", "demo")
            .properties("partnerflow.embedded-postgres.database=partnerflow_shutdown")
            .run();
    context.getBean(CamundaClient.class).newTopologyRequest().send().join();
    Thread.sleep(2000);
    int closingAt = output.length();

    // when
    context.close();

    // then
    String shutdown = output.toString().substring(closingAt);
    assertThat(shutdown).doesNotContain(" ERROR ").doesNotContain("Exception");
    assertThat(context.isActive()).isFalse();
  }
}
