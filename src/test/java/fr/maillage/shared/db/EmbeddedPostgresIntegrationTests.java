package fr.maillage.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The embedded server as the portal runs it: durable settings, data kept across restarts. */
class EmbeddedPostgresIntegrationTests {

    @Test
    void keepsFsyncOnAndTheDataAcrossARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-restart-");
        Map<String, String> durable = Map.of("fsync", "on", "synchronous_commit", "on");

        try (EmbeddedPostgres first = EmbeddedPostgres.start(dir.resolve("postgres"), Path.of("target/test-data/pgbin"), 0, durable)) {
            first.ensureDatabase("maillage");
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("maillage"), "postgres", "")) {
                assertThat(setting(c, "fsync")).isEqualTo("on");
                assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(c, "listen_addresses")).isEqualTo("localhost");
                c.createStatement().execute("create table kept (word text)");
                c.createStatement().execute("insert into kept values ('Maillage')");
            }
        }
        try (EmbeddedPostgres second = EmbeddedPostgres.start(dir.resolve("postgres"), Path.of("target/test-data/pgbin"), 0, durable)) {
            second.ensureDatabase("maillage");
            try (Connection c = DriverManager.getConnection(second.jdbcUrl("maillage"), "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("select word from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Maillage");
            }
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
