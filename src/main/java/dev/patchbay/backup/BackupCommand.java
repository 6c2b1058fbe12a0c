package dev.patchbay.backup;

import dev.patchbay.config.PatchbayProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The jar's maintenance mode: {@code java -jar patchbay.jar backup --to=DIR} and
 * {@code java -jar patchbay.jar restore --from=DIR}. It reads the same configuration as the service
 * ({@code application.properties}, environment, arguments) to find {@code patchbay.data-dir}, and starts
 * neither the web server nor the database.
 */
public final class BackupCommand {

    private static final Set<String> COMMANDS = Set.of("backup", "restore");

    private BackupCommand() {}

    public static boolean isCommand(String... args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; returns the process exit code (0 done, 1 failed, 2 wrong use). */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            Environment environment = settings.getEnvironment();
            if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                err.println("Patchbay uses an external PostgreSQL (spring.datasource.url); back it up with its own tools.");
                return 2;
            }
            Path dataDir = settings.getBean(PatchbayProperties.class).dataDir().toAbsolutePath().normalize();
            if (args[0].equals("backup")) {
                Path target = path(environment, "to");
                EmbeddedBackup.backUp(dataDir, target);
                out.println("Backed up " + dataDir + " to " + target);
            } else {
                Path backup = path(environment, "from");
                String suffix = EmbeddedRestore.restore(backup, dataDir, Clock.systemUTC());
                out.println("Restored " + backup + " into " + dataDir + "; the replaced files end in " + suffix);
            }
            return 0;
        } catch (IllegalArgumentException wrongUse) {
            err.println(wrongUse.getMessage());
            return 2;
        } catch (IllegalStateException | IOException | SQLException failed) {
            err.println(args[0] + " failed: " + failed.getMessage());
            return 1;
        }
    }

    private static Path path(Environment environment, String option) {
        String value = environment.getProperty(option);
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException("Usage: java -jar patchbay.jar backup --to=DIR"
                    + " | restore --from=DIR  [--patchbay.data-dir=DIR]");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /**
     * Only the configuration binding: no component scan, no auto-configuration. Not a {@code @Configuration},
     * so that the service's own component scan passes it by.
     */
    @EnableConfigurationProperties(PatchbayProperties.class)
    static class Settings {}
}
