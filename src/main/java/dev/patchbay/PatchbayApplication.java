package dev.patchbay;

import dev.patchbay.backup.BackupCommand;
import dev.patchbay.secret.RotateKeysCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PatchbayApplication {

    /**
     * Starts the service; {@code backup}, {@code restore} or {@code rotate-keys} as first argument run that
     * maintenance command instead.
     */
    public static void main(String[] args) {
        if (BackupCommand.isCommand(args)) {
            System.exit(BackupCommand.run(args));
        }
        if (RotateKeysCommand.isCommand(args)) {
            System.exit(RotateKeysCommand.run(args));
        }
        SpringApplication.run(PatchbayApplication.class, args);
    }
}
