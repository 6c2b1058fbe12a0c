package dev.patchbay.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every record of the code base that holds a clear secret keeps it out of {@code toString()}, so that a
 * record that reaches a log line or an exception message gives nothing away. Found by the names of their
 * components, so a new record with a {@code password} or a secret {@code value} is checked too.
 */
class RecordRedactionTest {

    /** Components that hold a secret whenever they are set. */
    private static final Set<String> SECRET_NAMES = Set.of("password", "passwordHash", "adminPassword", "token", "accessToken",
            "refreshToken", "apiKey", "platformApiKey", "platformKey", "masterKey", "jwtSecret", "consumerSecret", "tokenSecret",
            "passphrase", "certificate", "clientSecret", "rawKey");

    /**
     * Deliberate exceptions: OAuth 1's {@code token} identifies the access token and travels in clear in
     * every signed request; its secret half ({@code tokenSecret}) is what must stay hidden.
     */
    private static final Set<String> NOT_SECRET = Set.of("dev.patchbay.outbound.auth.OAuth1Signer$Credentials.token");

    @Test
    void shouldKeepEverySecretComponentOutOfToString() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.patchbay")) {
            Class<?> type = Class.forName(javaClass.getName(), false, getClass().getClassLoader());
            if (!type.isRecord()) {
                continue;
            }
            RecordComponent[] components = type.getRecordComponents();
            boolean hasSecretFlag = Arrays.stream(components).anyMatch(c -> c.getName().equals("secret"));
            List<String> secrets = Arrays.stream(components)
                    .filter(c -> c.getType() == String.class)
                    .filter(c -> SECRET_NAMES.contains(c.getName()) || (hasSecretFlag && c.getName().equals("value")))
                    .filter(c -> !NOT_SECRET.contains(type.getName() + "." + c.getName()))
                    .map(c -> sentinel(c.getName()))
                    .toList();
            if (secrets.isEmpty()) {
                continue;
            }
            Object instance = instantiate(type, components);
            String printed = instance.toString();
            checked.add(type.getSimpleName());
            secrets.stream().filter(printed::contains).forEach(s -> leaks.add(type.getName() + " prints " + s));
        }

        assertThat(checked).as("the records holding secrets").contains("VariableData", "UserRow", "Bootstrap", "Secrets",
                "Auth", "NewVariable", "ChangedVariable", "VariableInput", "LoginRequest", "CertificateRequest", "Token",
                "Credentials", "CreatedCompany");
        assertThat(leaks).isEmpty();
    }

    /** Long enough for settings that require long keys. */
    private static String sentinel(String component) {
        return "sentinel-" + component + "-0123456789abcdefghijklmnopqrstuvwxyz";
    }

    private static Object instantiate(Class<?> type, RecordComponent[] components) throws Exception {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = value(components[i]);
        }
        return constructor.newInstance(args);
    }

    private static Object value(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return sentinel(component.getName());
        }
        if (type == boolean.class || type == Boolean.class) {
            return true; // secret = true: a secret value must then be hidden
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == java.time.Duration.class) {
            return java.time.Duration.ofSeconds(1);
        }
        return null;
    }
}
