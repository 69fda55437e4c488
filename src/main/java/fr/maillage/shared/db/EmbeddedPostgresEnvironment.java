package fr.maillage.shared.db;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Without {@code spring.datasource.url}, starts the embedded PostgreSQL in
 * {@code ${maillage.data-dir}/postgres} and points the data source at it, so that Flyway, JPA
 * and the rest configure themselves as for any PostgreSQL. One server per data folder and JVM:
 * test contexts share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> FRESH_DONE = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("maillage.db.embedded", Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(env.getProperty("maillage.data-dir", "./data")).toAbsolutePath().normalize();
        boolean fsync = env.getProperty("maillage.db.fsync", Boolean.class, true);
        int port = env.getProperty("maillage.db.port", Integer.class, 0);
        String database = env.getProperty("maillage.db.name", "maillage");
        boolean fresh = env.getProperty("maillage.db.fresh", Boolean.class, false);

        EmbeddedPostgres pg = SERVERS.computeIfAbsent(dataDir, dir -> {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("fsync", fsync ? "on" : "off");
            config.put("synchronous_commit", fsync ? "on" : "off");
            config.put("full_page_writes", fsync ? "on" : "off");
            config.put("max_connections", env.getProperty("maillage.db.max-connections", "100"));
            config.put("shared_buffers", env.getProperty("maillage.db.shared-buffers", "128MB"));
            // the portal's data lives in memory or on SSD: a random read costs little more than a
            // sequential one (PostgreSQL's default of 4 is for spinning disks; with it the agenda's
            // month view hashed the whole event table instead of looking up its 500 events: 15 ms → 4 ms)
            config.put("random_page_cost", env.getProperty("maillage.db.random-page-cost", "1.1"));
            config.put("effective_cache_size", env.getProperty("maillage.db.effective-cache-size", "1GB"));
            return EmbeddedPostgres.start(dir.resolve("postgres"), dir.resolve("pgbin"), port, config);
        });
        if (fresh && FRESH_DONE.putIfAbsent(dataDir + "/" + database, true) == null) {
            pg.dropDatabase(database);
        }
        pg.ensureDatabase(database);

        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", pg.jdbcUrl(database));
        props.put("spring.datasource.username", EmbeddedPostgres.SUPERUSER);
        props.put("spring.datasource.password", "");
        env.getPropertySources().addFirst(new MapPropertySource("maillageEmbeddedPostgres", props));
    }

    @Override
    public int getOrder() {
        // after the configuration files are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
