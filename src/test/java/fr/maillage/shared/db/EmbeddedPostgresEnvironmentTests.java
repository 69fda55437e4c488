package fr.maillage.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedPostgresEnvironmentTests {

    @Test
    void anExternalDatabaseUrlMeansNoEmbeddedServer() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/maillage")
                .withProperty("maillage.data-dir", "target/never-created");
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains("maillageEmbeddedPostgres")).isFalse();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/maillage");
        assertThat(new java.io.File("target/never-created/postgres")).doesNotExist();
    }

    @Test
    void theEmbeddedServerCanBeTurnedOff() {
        MockEnvironment env = new MockEnvironment().withProperty("maillage.db.embedded", "false")
                .withProperty("maillage.data-dir", "target/never-created");
        new EmbeddedPostgresEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.datasource.url")).isNull();
    }
}
