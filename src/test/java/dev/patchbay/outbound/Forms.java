package dev.patchbay.outbound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code application/x-www-form-urlencoded} text (a form body or a query) the way a server does. */
final class Forms {

    private Forms() {}

    static Map<String, String> parse(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] nameValue = pair.split("=", 2);
            values.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length == 2 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
