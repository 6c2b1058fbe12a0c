package dev.patchbay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files created on first start: whole or not at all, owner-only, in an owner-only data directory. */
class KeyFilesTest {

    @TempDir
    Path temp;

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void shouldCreateTheKeyOwnerOnlyInAnOwnerOnlyDataDirectoryAndReadTheSameKeyBack() throws Exception {
        Path dataDir = temp.resolve("data");
        Path file = dataDir.resolve("master.key");

        byte[] created = KeyFiles.readOrCreate(file, 32);

        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(created).hasSize(32);
        assertThat(KeyFiles.readOrCreate(file, 32)).isEqualTo(created);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("master.key");
        }
    }

    @Test
    void shouldGiveEveryConcurrentFirstStartTheSameKey() throws Exception {
        Path file = temp.resolve("data").resolve("jwt.key");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit((Callable<byte[]>) () -> KeyFiles.readOrCreate(file, 32)));
            }
            byte[] first = results.get(0).get();
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
            assertThat(KeyFiles.readOrCreate(file, 32)).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnEmptyOrShortKeyFileInsteadOfUsingIt() throws Exception {
        Path file = temp.resolve("master.key");
        Files.writeString(file, "");
        assertThatThrownBy(() -> KeyFiles.readOrCreate(file, 32)).hasMessageContaining("0 bytes instead of 32");
        Files.writeString(file, "not base64 !!");
        assertThatThrownBy(() -> KeyFiles.readOrCreate(file, 32)).hasMessageContaining("not base64");
    }

    @Test
    void shouldLeaveAnExistingDataDirectoryAsItIs() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        KeyFiles.readOrCreate(dataDir.resolve("master.key"), 32);

        assertThat(permissions(dataDir)).isEqualTo("rwxr-x---");
        assertThat(permissions(dataDir.resolve("master.key"))).isEqualTo("rw-------");
    }
}
