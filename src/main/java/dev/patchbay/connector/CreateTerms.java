package dev.patchbay.connector;

/**
 * What a body that creates a connector calls the fields the rules speak of: {@code POST /connectors}
 * says {@code variables} and {@code authentication_implementation_id}, {@code POST /connector-instances}
 * {@code variable_templates} and {@code authentication_implementation_template_id}. The create rules
 * name each field in these terms where they produce its message; a message is never rewritten
 * afterwards, since it may quote what a user wrote (a variable's label).
 */
record CreateTerms(String variables, String implementation) {

    static final CreateTerms CONNECTOR = new CreateTerms("variables", "authentication_implementation_id");
    static final CreateTerms CONNECTOR_INSTANCE =
            new CreateTerms("variable_templates", "authentication_implementation_template_id");

    /** A field of {@link CreateConnectorRequest} ({@code variables.0.key}) as this body names it. */
    String field(String connectorField) {
        if (is(connectorField, CONNECTOR.variables)) {
            return variables + connectorField.substring(CONNECTOR.variables.length());
        }
        return is(connectorField, CONNECTOR.implementation) ? implementation : connectorField;
    }

    /** The prefix of the variable at {@code index}, with its dot: {@code variables.0.}. */
    String variable(int index) {
        return variables + "." + index + ".";
    }

    /** "The selected authentication implementation id is invalid." in these terms. */
    String unknownImplementation() {
        return "The selected " + implementation.replace('_', ' ') + " is invalid.";
    }

    private static boolean is(String field, String name) {
        return field.equals(name) || field.startsWith(name + ".");
    }
}
