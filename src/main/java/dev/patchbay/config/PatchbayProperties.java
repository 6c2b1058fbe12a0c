package dev.patchbay.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every Patchbay setting, under the {@code patchbay.} prefix. Secrets that are not configured are
 * generated once and kept in files under {@link #dataDir()}, so the embedded default needs no setup.
 * {@code publicUrl} is where clients reach Patchbay (e.g. {@code https://patchbay.example.com}): the
 * start of the links in responses; unset, links use the address and port the connection reached.
 */
@ConfigurationProperties("patchbay")
@Validated
public record PatchbayProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Secrets secrets,
        @DefaultValue Auth auth,
        @DefaultValue Definitions definitions,
        @DefaultValue Sandbox sandbox,
        URI publicUrl) {

    /**
     * First-start accounts. Any value left empty is generated and printed once; a script can set
     * them all to start the service unattended.
     */
    public record Bootstrap(
            @DefaultValue("true") boolean enabled,
            String adminEmail,
            String adminPassword,
            String apiKey,
            String platformApiKey) {}

    /** {@code masterKey} is a base64 AES-256 key; empty means "use or create data-dir/master.key". */
    public record Secrets(String masterKey) {}

    /**
     * Connector definitions: the bundled ones are always loaded; {@code dir} adds a folder of your
     * own {@code *.json} files, loaded at start after them.
     */
    public record Definitions(Path dir) {}

    /** The built-in sandbox upstream under /sandbox: the API key it accepts. */
    public record Sandbox(@DefaultValue("sandbox-demo-key") String apiKey) {}

    /** {@code jwtSecret} signs login tokens; empty means "use or create data-dir/jwt.key". */
    public record Auth(String jwtSecret, @DefaultValue("24h") Duration tokenTtl) {}
}
