package dev.patchbay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchbay.PatchbayApplication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The settings that hold secrets: weak bootstrap keys refused at start, and never printed by toString(). */
@ExtendWith(OutputCaptureExtension.class)
class SecretSettingsTest {

    private static final String SHORT_KEY = "short-key-31-characters-long-xx";

    private static PatchbayProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("patchbay", PatchbayProperties.class);
    }

    @Test
    void shouldRefuseToStartWithAConfiguredBootstrapApiKeyShorterThan32CharactersNamingTheSettingNotTheValue(
            CapturedOutput output) {
        assertThat(SHORT_KEY).hasSize(31);
        String[] args = {"--patchbay.data-dir=target/test-data/" + UUID.randomUUID(), "--spring.main.banner-mode=off",
            "--patchbay.bootstrap.api-key=" + SHORT_KEY};

        assertThatThrownBy(() -> new SpringApplicationBuilder(PatchbayApplication.class).web(WebApplicationType.NONE).run(args))
                .satisfies(failure -> assertThat(rootCause(failure).getMessage())
                        .contains("patchbay.bootstrap.api-key is too short: 31 characters, at least 32 are required")
                        .doesNotContain(SHORT_KEY));
        assertThat(output.getAll()).contains("patchbay.bootstrap.api-key is too short").doesNotContain(SHORT_KEY);
    }

    @Test
    void shouldRefuseAShortPlatformKeyAndAcceptLongOrGeneratedKeys() {
        assertThatThrownBy(() -> bind(Map.of("patchbay.bootstrap.platform-api-key", "0123456789")))
                .satisfies(failure -> assertThat(rootCause(failure).getMessage())
                        .contains("patchbay.bootstrap.platform-api-key is too short: 10 characters"));

        assertThat(bind(Map.of("patchbay.bootstrap.api-key", "k".repeat(32))).bootstrap().apiKey()).hasSize(32);
        assertThat(bind(Map.of()).bootstrap().apiKey()).as("empty: generated at first start").isNull();
    }

    @Test
    void shouldRedactEverySecretSettingInToString() {
        PatchbayProperties properties = bind(Map.of(
                "patchbay.bootstrap.admin-email", "admin@example.test",
                "patchbay.bootstrap.admin-password", "admin-password-visible?",
                "patchbay.bootstrap.api-key", "api-key-visible?-0123456789abcdefghij",
                "patchbay.bootstrap.platform-api-key", "platform-visible?-0123456789abcdefghij",
                "patchbay.secrets.master-key", "master-key-visible?",
                "patchbay.secrets.previous-keys", "previous-key-visible?",
                "patchbay.auth.jwt-secret", "jwt-secret-visible?",
                "patchbay.sandbox.api-key", "sandbox-key-visible?"));

        String printed = properties.toString();

        assertThat(printed).doesNotContain("visible?").contains("admin@example.test").contains(Redacted.MARK)
                .contains("previousKeys=1 key(s)");
        assertThat(properties.secrets().previousKeys()).isEqualTo(List.of("previous-key-visible?"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
