package dev.patchbay.web;

import java.math.BigInteger;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The scalar forms Laravel's validation rules accept, and nothing looser: {@code boolean} takes
 * {@code true}, {@code false}, {@code 1}, {@code 0}, {@code "1"} and {@code "0"}; {@code integer}
 * takes {@code 60} and {@code "60"} (not {@code 1.5}, {@code "1.5"} or {@code "yes"}); {@code string}
 * takes a JSON string only. Jackson's own defaults are both stricter ({@code "1"} is no boolean) and
 * looser ({@code 1.5} becomes 1, {@code 60} becomes "60").
 */
final class LaravelScalars {

    static final String BOOLEAN = "field must be true or false.";
    static final String INTEGER = "field must be an integer.";
    static final String STRING = "field must be a string.";

    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

    private LaravelScalars() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("laravel-scalars");
        module.addDeserializer(Boolean.class, new BooleanRule());
        module.addDeserializer(Integer.class, new IntegerRule<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE) {
            @Override
            Integer narrow(BigInteger value) {
                return value.intValueExact();
            }
        });
        module.addDeserializer(Long.class, new IntegerRule<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE) {
            @Override
            Long narrow(BigInteger value) {
                return value.longValueExact();
            }
        });
        module.addDeserializer(String.class, new StringRule());
        return module;
    }

    /** A value refused by one of these rules; {@link #predicate()} completes "The {field} ..." in the 422. */
    static final class Refused extends MismatchedInputException {

        private final String predicate;

        Refused(JsonParser parser, Class<?> target, String predicate) {
            super(parser, "The value does not satisfy the rule: " + predicate, target);
            this.predicate = predicate;
        }

        String predicate() {
            return predicate;
        }
    }

    private static final class BooleanRule extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
                String text = p.getString();
                if ("1".equals(text) || "0".equals(text)) {
                    return "1".equals(text);
                }
            }
            throw new Refused(p, Boolean.class, BOOLEAN);
        }
    }

    private abstract static class IntegerRule<T extends Number> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final BigInteger min;
        private final BigInteger max;

        IntegerRule(Class<T> type, long min, long max) {
            this.type = type;
            this.min = BigInteger.valueOf(min);
            this.max = BigInteger.valueOf(max);
        }

        abstract T narrow(BigInteger value);

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            BigInteger value;
            if (token == JsonToken.VALUE_NUMBER_INT) {
                value = p.getBigIntegerValue();
            } else if (token == JsonToken.VALUE_STRING && DIGITS.matcher(p.getString()).matches()) {
                value = new BigInteger(p.getString());
            } else {
                throw new Refused(p, type, INTEGER);
            }
            if (value.compareTo(max) > 0) {
                throw new Refused(p, type, "field must not be greater than " + max + ".");
            }
            if (value.compareTo(min) < 0) {
                throw new Refused(p, type, "field must be at least " + min + ".");
            }
            return narrow(value);
        }
    }

    private static final class StringRule extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getString();
            }
            throw new Refused(p, String.class, STRING);
        }
    }
}
