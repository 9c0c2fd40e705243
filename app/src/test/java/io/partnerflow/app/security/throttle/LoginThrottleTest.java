package io.partnerflow.app.security.throttle;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import io.partnerflow.app.security.ui.LoginView;
import io.partnerflow.app.security.ui.UsersView;
import io.partnerflow.app.support.KaribuSupport;
import io.partnerflow.app.support.LoginRequests;
import io.partnerflow.app.support.MovableClock;
import io.partnerflow.app.support.PartnerflowTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.WebAttributes;

/**
 * Failed logins slow down, then lock, per username and per address; blocks lift by themselves, look
 * the same for unknown usernames, and cover the form login, the actuator and /v2.
 */
@PartnerflowTest
class LoginThrottleTest {

  private static final String PASSWORD = "a long enough password";

  @Autowired LoginThrottleRepository repository;
  @Autowired LoginThrottleProperties properties;
  @Autowired AuthenticationProvider authentication;
  @Autowired UserAccountService users;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;
  @Autowired ApplicationContext context;

  @Value("${local.server.port}")
  int port;

  private LoginRequests requests;

  @BeforeEach
  void connect() {
    requests = new LoginRequests(port);
  }

  @AfterEach
  void forgetTheLoopbackAddress() {
    LoginRequests.forgetTheLoopbackAddress(jdbc);
  }

  @Test
  void shouldSlowDownThenLockAnAccountAndLiftTheLockByItself() {
    // given: the configured limits, on a clock the test moves
    MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(repository, properties, clock);
    String user = "someone-" + UUID.randomUUID();
    String address = "198.51.100." + (int) (Math.random() * 250);

    // when / then: free below slow-down-after
    for (int i = 1; i < properties.accountSlowDownAfter(); i++) {
      throttle.failed(user, address);
      assertThat(throttle.blockedUntil(user, address)).isEmpty();
    }
    // slowed: a wait of "delay", doubling per failure
    throttle.failed(user, address);
    assertThat(throttle.blockedUntil(user, address))
        .contains(clock.instant().plus(properties.delay()));
    clock.advance(properties.delay());
    assertThat(throttle.blockedUntil(user, address)).isEmpty();
    throttle.failed(user, address);
    assertThat(throttle.blockedUntil(user, address))
        .contains(clock.instant().plus(properties.delay().multipliedBy(2)));
    // locked at lock-after, also for any other address
    for (int i = properties.accountSlowDownAfter() + 1; i < properties.accountLockAfter(); i++) {
      clock.advance(properties.maxDelay());
      throttle.failed(user, address);
    }
    Instant lifts = clock.instant().plus(properties.lockDuration());
    assertThat(throttle.blockedUntil(user, "203.0.113.9")).contains(lifts);
    // and lifts by itself
    clock.advance(properties.lockDuration().minusSeconds(1));
    assertThat(throttle.blockedUntil(user, "203.0.113.9")).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.blockedUntil(user, "203.0.113.9")).isEmpty();
    // quiet for forget-after: counting starts over
    clock.advance(properties.forgetAfter());
    throttle.failed(user, address);
    assertThat(throttle.blockedUntil(user, address)).isEmpty();
  }

  @Test
  void shouldRefuseABlockedAccountUncheckedAndTheSameForAnUnknownOne() {
    // given
    String known = newUser(Set.of(Role.PARTNER_MANAGER));
    String unknown = "nobody-" + UUID.randomUUID();

    for (String username : new String[] {known, unknown}) {
      // when: as many wrong passwords as the slow-down allows
      for (int i = 0; i < properties.accountSlowDownAfter(); i++) {
        assertThatThrownBy(() -> authenticate(username, "wrong password"))
            .isInstanceOf(BadCredentialsException.class);
      }

      // then: even the right password is refused now, with the same exception for both
      assertThatThrownBy(() -> authenticate(username, PASSWORD))
          .isInstanceOf(LoginBlockedException.class);
    }
  }

  @Test
  void shouldClearTheAccountsCountOnSuccess() {
    String user = newUser(Set.of(Role.PARTNER_MANAGER));
    for (int i = 1; i < properties.accountSlowDownAfter(); i++) {
      assertThatThrownBy(() -> authenticate(user, "wrong password"))
          .isInstanceOf(BadCredentialsException.class);
    }

    authenticate(user, PASSWORD);
    assertThatThrownBy(() -> authenticate(user, "wrong password"))
        .isInstanceOf(BadCredentialsException.class);

    // then: one failure after the success does not slow down
    assertThat(authenticate(user, PASSWORD).isAuthenticated()).isTrue();
  }

  @Test
  void shouldBlockTheFormLogin() throws Exception {
    // given
    String user = newUser(Set.of(Role.PARTNER_MANAGER));
    for (int i = 0; i < properties.accountSlowDownAfter(); i++) {
      assertThat(requests.formLogin(user, "wrong password")).endsWith("/login?error");
    }

    // when / then: the right password is refused while blocked
    assertThat(requests.formLogin(user, PASSWORD)).endsWith("/login?error");
  }

  @Test
  void shouldBlockHttpBasicOnTheActuator() throws Exception {
    // given
    String admin = newUser(Set.of(Role.ADMIN));
    for (int i = 0; i < properties.accountSlowDownAfter(); i++) {
      assertThat(
              requests
                  .get("/actuator/prometheus", LoginRequests.basic(admin, "wrong password"))
                  .statusCode())
          .isEqualTo(401);
    }

    // when / then
    assertThat(
            requests.get("/actuator/prometheus", LoginRequests.basic(admin, PASSWORD)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void shouldBlockAnAddressGuessingTheEngineApiButNeverThePlatformsOwnClient() throws Exception {
    // given: the credential the platform's client was configured with
    String client =
        LoginRequests.basic(
            environment.getProperty("camunda.client.auth.username"),
            environment.getProperty("camunda.client.auth.password"));
    for (int i = 0; i < properties.addressSlowDownAfter(); i++) {
      assertThat(
              requests.get("/v2/topology", LoginRequests.basic("guess", "guess-" + i)).statusCode())
          .isEqualTo(401);
    }

    // when
    HttpResponse<String> blocked =
        requests.get("/v2/topology", LoginRequests.basic("guess", "another"));

    // then
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(blocked.body()).contains("Too many failed logins");
    assertThat(requests.get("/v2/topology", client).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldCountTheConnectingAddressNotAnXForwardedForClaim() throws Exception {
    // given: server.forward-headers-strategy is not set (the default)
    String claimed = "198.51.100." + (int) (Math.random() * 250);

    // when
    HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/topology"))
                .header("Authorization", LoginRequests.basic("guess", "guess"))
                .header("X-Forwarded-For", claimed)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then: anybody can send the header; only a configured proxy strategy would trust it (the
    // filter records the failure after the 401 has gone out, so the row may come a moment later)
    List<String> addresses = List.of();
    for (int attempt = 0; attempt < 50 && addresses.isEmpty(); attempt++) {
      Thread.sleep(100);
      addresses =
          jdbc.sql("SELECT subject FROM app.login_throttle WHERE subject_kind = 'ADDRESS'")
              .query(String.class)
              .list();
    }
    assertThat(addresses)
        .doesNotContain(claimed)
        .anySatisfy(address -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
  }

  @Test
  void shouldShowTheRunningBlocksToAdministrators() {
    // given
    String user = "shown-" + UUID.randomUUID();
    for (int i = 0; i < properties.accountSlowDownAfter(); i++) {
      context.getBean(LoginThrottle.class).failed(user, "192.0.2.200");
    }
    KaribuSupport.setUp(context);
    try {
      KaribuSupport.login(context, "admin");

      // when
      UI.getCurrent().navigate(UsersView.class);

      // then
      @SuppressWarnings("unchecked")
      Grid<LoginBlock> grid = _get(Grid.class, spec -> spec.withId("login-blocks-grid"));
      assertThat(grid.getGenericDataView().getItems())
          .anySatisfy(block -> assertThat(block.subject().value()).isEqualTo(user));
    } finally {
      KaribuSupport.tearDown();
    }
  }

  @Test
  void shouldTellABlockedVisitorWhenToTryAgain() {
    KaribuSupport.setUp(context);
    try {
      // given: what Spring Security keeps in the session after a refused login
      VaadinSession.getCurrent()
          .getSession()
          .setAttribute(
              WebAttributes.AUTHENTICATION_EXCEPTION,
              new LoginBlockedException(Instant.now().plusSeconds(600)));

      // when
      UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

      // then
      LoginForm form =
          _get(LoginView.class)
              .getChildren()
              .filter(LoginForm.class::isInstance)
              .map(LoginForm.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(form.isError()).isTrue();
      assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
          .contains(UI.getCurrent().getTranslation("login.blocked.title"));
    } finally {
      KaribuSupport.tearDown();
    }
  }

  private org.springframework.security.core.Authentication authenticate(
      String username, String password) {
    return authentication.authenticate(
        UsernamePasswordAuthenticationToken.unauthenticated(username, password));
  }

  private String newUser(Set<Role> roles) {
    String username = "throttle-" + UUID.randomUUID();
    users.createIfAbsent(new NewUserAccount(username, PASSWORD, "T", null, roles, Set.of()));
    return username;
  }
}
