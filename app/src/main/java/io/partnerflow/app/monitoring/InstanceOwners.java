package io.partnerflow.app.monitoring;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maps a partner's or an applicant company's name to what the engine knows them by: the process
 * instance keys the app recorded for applications (and so for the partners made from them), and the
 * ids processes carry as {@code partnerId} / {@code applicationId} variables.
 */
@Repository
class InstanceOwners {

  /** More matches than this and the name is too vague to filter by: the user must narrow it. */
  static final int LIMIT = 500;

  record Owners(List<Long> instanceKeys, List<Long> partnerIds, List<Long> applicationIds) {

    boolean isEmpty() {
      return instanceKeys.isEmpty() && partnerIds.isEmpty() && applicationIds.isEmpty();
    }

    boolean tooMany() {
      return instanceKeys.size() > LIMIT
          || partnerIds.size() > LIMIT
          || applicationIds.size() > LIMIT;
    }
  }

  private final JdbcClient jdbc;

  InstanceOwners(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Owners named(String namePart) {
    String pattern = "%" + escape(namePart.trim()) + "%";
    List<Long> applicationIds =
        jdbc.sql(
                "SELECT a.id FROM app.application a WHERE a.company_name ILIKE :p"
                    + " UNION SELECT p.application_id FROM app.partner p"
                    + " WHERE p.name ILIKE :p AND p.application_id IS NOT NULL LIMIT :n")
            .param("p", pattern)
            .param("n", LIMIT + 1)
            .query(Long.class)
            .list();
    List<Long> instanceKeys =
        applicationIds.isEmpty()
            ? List.of()
            : jdbc.sql(
                    "SELECT process_instance_key FROM app.application WHERE id IN (:ids)"
                        + " AND process_instance_key IS NOT NULL")
                .param("ids", applicationIds)
                .query(Long.class)
                .list();
    List<Long> partnerIds =
        jdbc.sql("SELECT id FROM app.partner WHERE name ILIKE :p LIMIT :n")
            .param("p", pattern)
            .param("n", LIMIT + 1)
            .query(Long.class)
            .list();
    return new Owners(instanceKeys, partnerIds, applicationIds);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
