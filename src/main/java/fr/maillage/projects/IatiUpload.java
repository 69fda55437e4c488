package fr.maillage.projects;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file being received for an IATI import: written straight to disk in the import folder
 * (never held in memory), counting its bytes; writing past the limit throws an
 * {@link IatiUploadException} ("too-large"). Closing it without handing it to
 * {@link IatiImports#accept} deletes it.
 */
public final class IatiUpload implements Closeable {

    private final Path file;
    private final long limit;
    private final OutputStream out;
    private long size;
    private boolean accepted;

    IatiUpload(Path file, long limit) throws IOException {
        this.file = file;
        this.limit = limit;
        this.out = new FilterOutputStream(Files.newOutputStream(file)) {
            @Override
            public void write(int b) throws IOException {
                count(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                count(len);
                out.write(b, off, len);
            }
        };
    }

    private void count(long n) {
        size += n;
        if (size > limit) {
            throw new IatiUploadException("too-large");
        }
    }

    /** Where to write the file's bytes. */
    public OutputStream output() {
        return out;
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }

    Path file() {
        return file;
    }

    void accepted() {
        this.accepted = true;
    }

    /** Closes the file; deletes it unless it was accepted. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing more to write
        }
        if (!accepted) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
