package io.partnerflow.app.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature puts into the layout's header (e.g. the count of new tasks), so the layout
 * needs to know no feature: each bean makes a fresh component per page, or none for this user.
 */
public interface LayoutHeaderItem {

  Optional<Component> create();
}
