package dev.patchbay.secret;

import dev.patchbay.config.MaintenanceDatabase;
import dev.patchbay.config.PatchbayProperties;
import java.io.IOException;
import java.io.PrintStream;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code java -jar patchbay.jar rotate-keys [--batch-size=500]}: re-encrypts every stored secret under the
 * current master key ({@link KeyRotation}). It reads the same configuration as the service (so the same
 * key ring: {@code patchbay.secrets.master-key} and {@code patchbay.secrets.previous-keys}) and works on
 * the same database, while Patchbay runs or while it is stopped. Exit code 0 when every value is under the
 * current key, 1 when some could not be decrypted or the run failed, 2 on wrong use.
 */
public final class RotateKeysCommand {

    public static final String NAME = "rotate-keys";
    private static final int DEFAULT_BATCH = 500;

    private RotateKeysCommand() {}

    public static boolean isCommand(String... args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            int batchSize = batchSize(settings.getEnvironment().getProperty("batch-size"));
            PatchbayProperties properties = settings.getBean(PatchbayProperties.class);
            SecretCipher cipher = new SecretCipher(KeyRing.from(properties));
            try (MaintenanceDatabase database = MaintenanceDatabase.open(settings.getEnvironment(), properties)) {
                KeyRotation.Report report = new KeyRotation(JdbcClient.create(database.dataSource()), cipher, batchSize, out)
                        .run(EncryptedColumns.ALL);
                return report.complete() ? 0 : 1;
            }
        } catch (IllegalArgumentException wrongUse) {
            err.println(wrongUse.getMessage());
            return 2;
        } catch (IllegalStateException | IOException | DataAccessException failed) {
            // Messages here name settings, files and tables; a value or a key never reaches them.
            err.println(NAME + " failed (" + failed.getClass().getSimpleName() + "): " + failed.getMessage()
                    + " — nothing is lost; run it again once the cause is fixed.");
            return 1;
        }
    }

    private static int batchSize(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_BATCH;
        }
        try {
            int size = Integer.parseInt(configured.trim());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // the usage below
        }
        throw new IllegalArgumentException("Usage: java -jar patchbay.jar rotate-keys [--batch-size=N (1 or more, default "
                + DEFAULT_BATCH + ")]");
    }

    /**
     * Only the configuration binding: no component scan, no auto-configuration. Not a {@code @Configuration},
     * so that the service's own component scan passes it by.
     */
    @EnableConfigurationProperties(PatchbayProperties.class)
    static class Settings {}
}
