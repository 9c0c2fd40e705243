package io.partnerflow.app.tasklist.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.tasklist.TaskDetails;
import java.util.Set;

/**
 * A dedicated screen for the user tasks of some model elements, shown by the task view instead of
 * the generic form (e.g. the contract feature's signing screen for {@code sign-contract}). Features
 * contribute one as a Spring bean; the task list knows none of them.
 */
public interface TaskPanelProvider {

  /** The user tasks' element ids (the {@code id} of the BPMN userTask) this panel is for. */
  Set<String> elementIds();

  /**
   * The panel for one open task the current user may work (the task view has checked it).
   *
   * @param done to call once the panel completed the task (or handed it on): the view then returns
   *     to its task list with a confirmation
   */
  Component create(TaskDetails details, Runnable done);
}
