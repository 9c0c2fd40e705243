package io.partnerflow.app.partner;

import io.partnerflow.app.security.NewUserAccount;
import io.partnerflow.app.security.Role;
import io.partnerflow.app.security.UserAccountService;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Unique test data in the database shared by all tests of the JVM. */
public final class PartnerTestData {

  private static final AtomicLong APPLICATION_IDS =
      new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

  private PartnerTestData() {}

  public static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  public static long nextApplicationId() {
    return APPLICATION_IDS.incrementAndGet();
  }

  public static NewPartner newPartner(String name, PartnerType type, PartnerTier tier) {
    return new NewPartner(
        name,
        "https://" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".example",
        "DE",
        type,
        tier,
        "manager",
        PartnerContact.primary("Ann Contact", "ann@partner.example", "+49 30 1234"),
        75,
        null);
  }

  /** Sets the caller of service methods, as Spring Security would after a login. */
  public static void actAs(String username, String... authorities) {
    var granted = Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(username, null, granted));
  }

  /**
   * A new portal user bound to the given partner organisation, its main contact and signatory (the
   * portal roles of a contact invited on approval).
   */
  public static String partnerUser(
      UserAccountService users, JdbcClient jdbc, Long partnerId, String password) {
    String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
    users.createIfAbsent(
        new NewUserAccount(
            username,
            password,
            "Test Partner User",
            username + "@partner.example",
            Set.of(Role.PARTNER),
            Set.of("partners")));
    jdbc.sql("UPDATE app.app_user SET partner_id = :partnerId WHERE username = :username")
        .param("partnerId", partnerId)
        .param("username", username)
        .update();
    // like the contact invited on approval: the organisation's main contact and signatory
    jdbc.sql(
            "INSERT INTO app.portal_role (user_id, portal_role)"
                + " SELECT id, r FROM app.app_user, unnest(ARRAY['MAIN_CONTACT', 'SIGNATORY']) AS r"
                + " WHERE username = :username")
        .param("username", username)
        .update();
    return username;
  }

  /**
   * Records a signed agreement in force for the partner, so the portal gate is open to its users
   * (tests of pages behind the gate; the signing itself: SigningScreensTest, on the real process).
   */
  public static void agreementInForce(JdbcClient jdbc, long partnerId) {
    jdbc.sql(
            "INSERT INTO app.contract (partner_id, process_instance_key, template_id,"
                + " countersignature_required, term_months, language, status, effective_on,"
                + " in_force_at) VALUES (:partner, :key, 'resale-agreement', false, 12, 'en',"
                + " 'IN_FORCE', current_date, now())")
        .param("partner", partnerId)
        .param("key", -Math.abs(UUID.randomUUID().getMostSignificantBits() >> 1))
        .update();
  }
}
