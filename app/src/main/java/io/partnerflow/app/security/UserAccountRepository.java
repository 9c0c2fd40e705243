package io.partnerflow.app.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users with their roles and groups, in schema {@code app}. */
@Repository
class UserAccountRepository {

  private final JdbcClient jdbc;

  UserAccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql(
            "SELECT id, username, password_hash, display_name, email, enabled, partner_id"
                + " FROM app.app_user WHERE username = :username")
        .param("username", username)
        .query(UserRow.class)
        .optional()
        .map(row -> row.withMemberships(rolesOf(row.id()), groupsOf(row.id())));
  }

  List<UserAccount> findAll() {
    List<UserRow> rows =
        jdbc.sql(
                "SELECT id, username, password_hash, display_name, email, enabled, partner_id"
                    + " FROM app.app_user ORDER BY username")
            .query(UserRow.class)
            .list();
    Map<Long, Set<Role>> roles = new HashMap<>();
    jdbc.sql("SELECT user_id, role FROM app.app_user_role")
        .query(
            rs -> {
              roles
                  .computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
                  .add(Role.valueOf(rs.getString(2)));
            });
    Map<Long, Set<String>> groups = new HashMap<>();
    jdbc.sql("SELECT user_id, group_name FROM app.app_user_group")
        .query(
            rs -> {
              groups.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
            });
    return rows.stream()
        .map(
            row ->
                row.withMemberships(
                    roles.getOrDefault(row.id(), Set.of()),
                    groups.getOrDefault(row.id(), Set.of())))
        .toList();
  }

  Optional<String> findUsernameById(long id) {
    return jdbc.sql("SELECT username FROM app.app_user WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  /** The partner organisation of a partner user; empty for staff. */
  Optional<Long> findPartnerIdOf(long id) {
    return jdbc.sql("SELECT partner_id FROM app.app_user WHERE id = :id AND partner_id IS NOT NULL")
        .param("id", id)
        .query(Long.class)
        .optional();
  }

  boolean existsByUsername(String username) {
    return jdbc.sql("SELECT count(*) FROM app.app_user WHERE username = :username")
            .param("username", username)
            .query(Long.class)
            .single()
        > 0;
  }

  boolean existsWithRole(Role role) {
    return jdbc.sql("SELECT count(*) FROM app.app_user_role WHERE role = :role")
            .param("role", role.name())
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(NewUserAccount user, String passwordHash) {
    long id =
        jdbc.sql(
                "INSERT INTO app.app_user (username, password_hash, display_name, email)"
                    + " VALUES (:username, :hash, :displayName, :email) RETURNING id")
            .param("username", user.username())
            .param("hash", passwordHash)
            .param("displayName", user.displayName())
            .param("email", user.email())
            .query(Long.class)
            .single();
    for (Role role : user.roles()) {
      jdbc.sql("INSERT INTO app.app_user_role (user_id, role) VALUES (:id, :role)")
          .param("id", id)
          .param("role", role.name())
          .update();
    }
    for (String group : user.groups()) {
      jdbc.sql("INSERT INTO app.app_user_group (user_id, group_name) VALUES (:id, :group)")
          .param("id", id)
          .param("group", group)
          .update();
    }
    return id;
  }

  void bindToPartner(long userId, long partnerId) {
    jdbc.sql("UPDATE app.app_user SET partner_id = :partner WHERE id = :id")
        .param("partner", partnerId)
        .param("id", userId)
        .update();
  }

  /** The users bound to a partner organisation, by name. */
  List<UserAccount> findByPartnerId(long partnerId) {
    return jdbc
        .sql(
            "SELECT id, username, password_hash, display_name, email, enabled, partner_id"
                + " FROM app.app_user WHERE partner_id = :partner ORDER BY display_name, username")
        .param("partner", partnerId)
        .query(UserRow.class)
        .list()
        .stream()
        .map(row -> row.withMemberships(rolesOf(row.id()), groupsOf(row.id())))
        .toList();
  }

  Set<PortalRole> portalRolesOf(long userId) {
    return Set.copyOf(
        jdbc.sql("SELECT portal_role FROM app.portal_role WHERE user_id = :id")
            .param("id", userId)
            .query((rs, n) -> PortalRole.valueOf(rs.getString(1)))
            .list());
  }

  void grantPortalRoles(long userId, Set<PortalRole> roles) {
    for (PortalRole role : roles) {
      jdbc.sql(
              "INSERT INTO app.portal_role (user_id, portal_role) VALUES (:id, :role)"
                  + " ON CONFLICT DO NOTHING")
          .param("id", userId)
          .param("role", role.name())
          .update();
    }
  }

  void replaceRoles(long userId, Set<Role> roles) {
    jdbc.sql("DELETE FROM app.app_user_role WHERE user_id = :id").param("id", userId).update();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app.app_user_role (user_id, role) VALUES (:id, :role)")
          .param("id", userId)
          .param("role", role.name())
          .update();
    }
  }

  void updateEnabled(long userId, boolean enabled) {
    jdbc.sql("UPDATE app.app_user SET enabled = :enabled WHERE id = :id")
        .param("enabled", enabled)
        .param("id", userId)
        .update();
  }

  /** An invited account: nobody can log in until an invitation link sets the password. */
  void markAwaitingPassword(long userId) {
    jdbc.sql("UPDATE app.app_user SET awaiting_password = true WHERE id = :id")
        .param("id", userId)
        .update();
  }

  boolean awaitingPassword(long userId) {
    return jdbc.sql("SELECT awaiting_password FROM app.app_user WHERE id = :id")
        .param("id", userId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  void updatePassword(long userId, String passwordHash) {
    jdbc.sql(
            "UPDATE app.app_user SET password_hash = :hash, awaiting_password = false"
                + " WHERE id = :id")
        .param("hash", passwordHash)
        .param("id", userId)
        .update();
  }

  private Set<Role> rolesOf(long userId) {
    return Set.copyOf(
        jdbc.sql("SELECT role FROM app.app_user_role WHERE user_id = :id")
            .param("id", userId)
            .query((rs, n) -> Role.valueOf(rs.getString(1)))
            .list());
  }

  private Set<String> groupsOf(long userId) {
    return Set.copyOf(
        jdbc.sql("SELECT group_name FROM app.app_user_group WHERE user_id = :id")
            .param("id", userId)
            .query(String.class)
            .list());
  }

  /** One row of app_user, before roles and groups are attached. */
  record UserRow(
      long id,
      String username,
      String passwordHash,
      String displayName,
      String email,
      boolean enabled,
      Long partnerId) {

    UserAccount withMemberships(Set<Role> roles, Set<String> groups) {
      return new UserAccount(
          id, username, passwordHash, displayName, email, enabled, partnerId, roles, groups);
    }
  }
}
