package io.partnerflow.app.notification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasErrorParameter;
import io.partnerflow.app.notification.ui.OutboxView;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.PartnerflowTest;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@PartnerflowTest
class OutboxViewTest {

  @Autowired ApplicationContext context;
  @Autowired NotificationService notifications;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void shouldShowAnAdministratorTheRenderedNotice() {
    // given
    String company = "Outbox View " + System.nanoTime();
    long id =
        notifications.enqueue(
            NotificationTemplates.APPLICATION_REJECTED,
            NotificationTestData.uniqueRecipient(),
            Locale.ENGLISH,
            NotificationTestData.rejectionParams(company),
            NotificationTestData.uniqueReference());
    KaribuSupport.login(context, "admin");

    // when
    UI.getCurrent().navigate(OutboxView.class);
    @SuppressWarnings("unchecked")
    Select<NotificationStatus> filter =
        _get(Select.class, spec -> spec.withId("outbox-status-filter"));
    filter.setValue(NotificationStatus.SKIPPED);
    @SuppressWarnings("unchecked")
    Grid<OutboxNotice> grid = _get(Grid.class, spec -> spec.withId("outbox-grid"));
    OutboxNotice row =
        IntStream.range(0, GridKt._size(grid))
            .mapToObj(index -> GridKt._get(grid, index))
            .filter(notice -> notice.id() == id)
            .findFirst()
            .orElseThrow();
    grid.select(row);

    // then
    assertThat(_get(H3.class, spec -> spec.withId("outbox-detail-subject")).getText())
        .isEqualTo("Your partner application for " + company);
    assertThat(_get(IFrame.class, spec -> spec.withId("outbox-detail-body")).getSrcdoc())
        .hasValueSatisfying(body -> assertThat(body).contains(company));
    assertThat(_get(Button.class, spec -> spec.withId("outbox-retry")).isEnabled()).isFalse();
    assertThat(_find(Paragraph.class, spec -> spec.withId("outbox-smtp-missing"))).hasSize(1);
  }

  @Test
  void shouldRefuseTheOutboxToAPartnerManager() {
    // given
    KaribuSupport.login(context, "manager");

    // when
    UI.getCurrent().navigate("admin/outbox");

    // then
    List<HasElement> shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
    assertThat(shown).isNotEmpty().noneMatch(OutboxView.class::isInstance);
    assertThat(shown.get(0)).isInstanceOf(HasErrorParameter.class);
  }
}
