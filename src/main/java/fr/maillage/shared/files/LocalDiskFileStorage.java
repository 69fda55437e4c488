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

    static final Pattern KEY = Pattern.compile("[0-9a-f]{32}\\.(png|jpg|webp|pdf|bin)");

    private static final Map<String, String> EXTENSIONS = Map.of(
            "image/png", "png", "image/jpeg", "jpg", "image/webp", "webp", "application/pdf", "pdf");
    private static final Map<String, String> TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "webp", "image/webp", "pdf", "application/pdf", "bin", "application/octet-stream");

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
