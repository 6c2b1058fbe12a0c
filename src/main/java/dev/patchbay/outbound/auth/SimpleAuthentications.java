package dev.patchbay.outbound.auth;

import dev.patchbay.outbound.OutgoingRequest;
import dev.patchbay.outbound.Param;
import dev.patchbay.outbound.render.Rendered;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** The types that need nothing beyond the implementation's templates, and HTTP Basic. */
final class SimpleAuthentications {

    private SimpleAuthentications() {}

    /** {@code none}: nothing is added. */
    static final class None implements Authentication {
        @Override
        public String type() {
            return "none";
        }

        @Override
        public void apply(OutgoingRequest request, AuthContext context) {}
    }

    /**
     * {@code token}: a token the user already has, placed by the implementation's {@code headers} or
     * {@code query} templates, which the renderer has already applied.
     */
    static final class PresetToken implements Authentication {
        @Override
        public String type() {
            return "token";
        }

        @Override
        public void apply(OutgoingRequest request, AuthContext context) {}
    }

    /** {@code basic}: {@code Authorization: Basic} from the {@code basic.username}/{@code basic.password} templates. */
    static final class Basic implements Authentication {
        @Override
        public String type() {
            return "basic";
        }

        @Override
        public void apply(OutgoingRequest request, AuthContext context) {
            request.setHeader(header(context.instance().settings().get("basic"), context));
        }

        static Param header(JsonNode basic, AuthContext context) {
            Rendered username = context.templates().render(text(basic, "username"));
            Rendered password = context.templates().render(text(basic, "password"));
            String credentials = username.text() + ":" + password.text();
            String encoded = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            context.redaction().add(password.text());
            context.redaction().add(encoded); // the password in all but name: a system that echoes the header must not show it
            return new Param("Authorization", "Basic " + encoded, true);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }
}
