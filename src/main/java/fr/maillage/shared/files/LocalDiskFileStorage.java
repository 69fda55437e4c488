package fr.maillage.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.maillage.shared.MaillageProperties;

import org.springframework.stereotype.Component;

/** Files on the local disk, under {@code ${maillage.data-dir}/files}, spread in folders by the key's first two characters. */
@Component
class LocalDiskFileStorage implements FileStorage {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}\\.(png|jpg|webp|pdf|docx|xlsx|pptx|doc|xls|ppt|odt|ods|odp|bin)");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"), Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("odp", "application/vnd.oasis.opendocument.presentation"),
            Map.entry("bin", "application/octet-stream"));
    private static final Map<String, String> EXTENSIONS = TYPES.entrySet().stream()
            .filter(e -> !e.getKey().equals("bin"))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private final SecureRandom random = new SecureRandom();
    private final Path root;

    LocalDiskFileStorage(MaillageProperties properties) {
        this.root = Path.of(properties.dataDir() == null ? "./data" : properties.dataDir()).resolve("files").toAbsolutePath().normalize();
    }

    @Override
    public String put(byte[] content, String contentType) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String key = HexFormat.of().formatHex(bytes) + "." + EXTENSIONS.getOrDefault(contentType, "bin");
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Fichier impossible à enregistrer", e);
        }
        return key;
    }

    @Override
    public Optional<StoredFile> get(String key) {
        if (!valid(key)) {
            return Optional.empty();
        }
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredFile(key, Files.readAllBytes(file), TYPES.get(key.substring(key.indexOf('.') + 1))));
        } catch (IOException e) {
            throw new UncheckedIOException("Fichier illisible", e);
        }
    }

    @Override
    public void delete(String key) {
        if (!valid(key)) {
            return;
        }
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Fichier impossible à supprimer", e);
        }
    }

    static boolean valid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    private Path path(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
