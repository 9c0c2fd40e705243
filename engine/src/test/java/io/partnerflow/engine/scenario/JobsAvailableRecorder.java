package io.partnerflow.engine.scenario;

import io.partnerflow.engine.state.JobsAvailable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records every JobsAvailable event of the test application. */
@Component
class JobsAvailableRecorder {

  final List<String> types = new CopyOnWriteArrayList<>();

  @EventListener
  void on(JobsAvailable event) {
    types.add(event.type());
  }
}
