package dev.patchbay;

import dev.patchbay.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PatchbayApplication {

    /** Starts the service; {@code backup} and {@code restore} as first argument run the maintenance mode instead. */
    public static void main(String[] args) {
        if (BackupCommand.isCommand(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(PatchbayApplication.class, args);
    }
}
