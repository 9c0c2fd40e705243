package io.partnerflow.app.base.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerflow.app.support.PartnerflowTest;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A secret of the installation is generated once and read back by every node and restart. */
@PartnerflowTest
class InstallationSecretsTest {

  @Autowired InstallationSecrets secrets;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldKeepTheAddressSaltAcrossRestarts() {
    // given: the salt the running platform uses
    byte[] salt = secrets.obtain(InstallationSecrets.ADDRESS_SALT);

    // when: another node (or the next start) reads it with a fresh instance
    byte[] afterRestart = new InstallationSecrets(jdbc).obtain(InstallationSecrets.ADDRESS_SALT);

    // then: the same 32 random bytes, as stored in the database
    assertThat(salt).hasSize(32).isEqualTo(afterRestart);
    String stored =
        jdbc.sql("SELECT secret FROM app.installation_secret WHERE name = :name")
            .param("name", InstallationSecrets.ADDRESS_SALT)
            .query(String.class)
            .single();
    assertThat(Base64.getDecoder().decode(stored)).isEqualTo(salt);
  }

  @Test
  void shouldGenerateADifferentSecretPerName() {
    // when
    byte[] first = secrets.obtain("test." + UUID.randomUUID());
    byte[] second = secrets.obtain("test." + UUID.randomUUID());

    // then
    assertThat(first).hasSize(32).isNotEqualTo(second);
  }
}
