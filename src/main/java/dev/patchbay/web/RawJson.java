package dev.patchbay.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * A JSON answer written by a filter or a security handler, before Spring MVC's converters are there.
 * The body goes out as UTF-8 bytes: through {@code getWriter()} without a charset, Tomcat labelled it
 * {@code application/json;charset=ISO-8859-1}, unlike every other answer of the API.
 */
public final class RawJson {

    private RawJson() {}

    public static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
