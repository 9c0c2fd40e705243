package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.partnerflow.app.base.DisplayZone;
import io.partnerflow.app.security.throttle.LoginBlock;
import io.partnerflow.app.security.throttle.LoginThrottle;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The users view's list of usernames and addresses whose logins are paused after failures, with
 * when each block lifts (by itself).
 */
class LoginBlocksSection extends VerticalLayout {

  LoginBlocksSection(LoginThrottle throttle) {
    setId("login-blocks");
    setPadding(false);
    List<LoginBlock> blocks = throttle.runningBlocks();
    add(new H3(getTranslation("users.blocks.title")));
    if (blocks.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("users.blocks.none"));
      none.setId("login-blocks-none");
      add(none);
      return;
    }
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(getLocale())
            .withZone(DisplayZone.get());
    Grid<LoginBlock> grid = new Grid<>();
    grid.setId("login-blocks-grid");
    grid.setAllRowsVisible(true);
    grid.addColumn(block -> getTranslation("users.blocks." + block.subject().kind().name()))
        .setHeader(getTranslation("users.blocks.kind"));
    grid.addColumn(block -> block.subject().value())
        .setHeader(getTranslation("users.blocks.subject"));
    grid.addColumn(
            block -> getTranslation(block.locked() ? "users.blocks.locked" : "users.blocks.slowed"))
        .setHeader(getTranslation("users.blocks.state"));
    grid.addColumn(LoginBlock::failures).setHeader(getTranslation("users.blocks.failures"));
    grid.addColumn(block -> time.format(block.until()))
        .setHeader(getTranslation("users.blocks.until"));
    grid.setItems(blocks);
    add(grid);
  }
}
