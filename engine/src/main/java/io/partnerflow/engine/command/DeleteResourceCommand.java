package io.partnerflow.engine.command;

import io.partnerflow.engine.deployment.ProcessGraphCache;
import io.partnerflow.engine.problem.EngineException;
import io.partnerflow.engine.state.DecisionRepository;
import io.partnerflow.engine.state.DeploymentRepository;
import io.partnerflow.engine.state.FormRepository;
import io.partnerflow.engine.state.MessageStartSubscriptionRepository;
import io.partnerflow.engine.state.ProcessDefinitionRecord;
import io.partnerflow.engine.state.ProcessDefinitionRepository;
import io.partnerflow.engine.state.SignalSubscriptionRepository;
import io.partnerflow.engine.state.StartTimerRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * POST /v2/resources/{key}/deletion, as in Camunda 8: the key of a process definition, of a
 * decision requirements graph (with its decisions) or of a form. The deleted version leaves
 * searches, "latest version" and creation by key; running instances of a deleted process keep
 * executing it to their end (its row stays). Deleting the latest version of a process makes the
 * previous one the latest again, and that version's timer, message and signal start events take
 * over.
 */
@Component
public class DeleteResourceCommand {

  private final DeploymentRepository deployments;
  private final ProcessDefinitionRepository definitions;
  private final DecisionRepository decisions;
  private final FormRepository forms;
  private final MessageStartSubscriptionRepository messageStarts;
  private final StartTimerRepository startTimers;
  private final MessageStartEvents messageStartEvents;
  private final TimerStartEvents timerStartEvents;
  private final SignalStartEvents signalStartEvents;
  private final SignalSubscriptionRepository signalSubscriptions;
  private final ProcessGraphCache graphs;

  public DeleteResourceCommand(
      DeploymentRepository deployments,
      ProcessDefinitionRepository definitions,
      DecisionRepository decisions,
      FormRepository forms,
      MessageStartSubscriptionRepository messageStarts,
      StartTimerRepository startTimers,
      MessageStartEvents messageStartEvents,
      TimerStartEvents timerStartEvents,
      SignalStartEvents signalStartEvents,
      SignalSubscriptionRepository signalSubscriptions,
      ProcessGraphCache graphs) {
    this.deployments = deployments;
    this.definitions = definitions;
    this.decisions = decisions;
    this.forms = forms;
    this.messageStarts = messageStarts;
    this.startTimers = startTimers;
    this.messageStartEvents = messageStartEvents;
    this.timerStartEvents = timerStartEvents;
    this.signalStartEvents = signalStartEvents;
    this.signalSubscriptions = signalSubscriptions;
    this.graphs = graphs;
  }

  @Transactional
  public void execute(long resourceKey) {
    // one at a time with deployments: both decide which version is the latest
    deployments.lockDeployments();
    Optional<ProcessDefinitionRecord> process = definitions.findLive(resourceKey);
    if (process.isPresent()) {
      deleteProcess(process.get());
    } else if (decisions.findRequirementsByKey(resourceKey).isPresent()) {
      decisions.markRequirementsDeleted(resourceKey);
    } else if (forms.findLive(resourceKey).isPresent()) {
      forms.markDeleted(resourceKey);
    } else {
      throw EngineException.notFound(
          "Expected to delete resource but no resource found with key '%d'".formatted(resourceKey));
    }
  }

  private void deleteProcess(ProcessDefinitionRecord definition) {
    boolean wasLatest =
        definitions
            .findLatest(definition.bpmnProcessId())
            .map(latest -> latest.key() == definition.key())
            .orElse(false);
    definitions.markDeleted(definition.key());
    if (!wasLatest) {
      return; // only the latest version's start events are active
    }
    Optional<ProcessDefinitionRecord> previous = definitions.findLatest(definition.bpmnProcessId());
    if (previous.isPresent()) {
      messageStartEvents.subscribe(previous.get(), graphs.get(previous.get().key()));
      timerStartEvents.schedule(previous.get(), graphs.get(previous.get().key()));
      // replaces the deleted version's signal start subscriptions
      signalStartEvents.subscribe(previous.get(), graphs.get(previous.get().key()));
    } else {
      signalSubscriptions.deleteStartEvents(definition.tenantId(), definition.bpmnProcessId());
      messageStarts.deleteForProcess(definition.tenantId(), definition.bpmnProcessId());
      startTimers.cancelForProcess(definition.tenantId(), definition.bpmnProcessId());
    }
  }
}
