package dev.patchbay.catalog.definition;

/**
 * One thing wrong with a definition: the file, where in it (a JSON path such as
 * {@code $.authentications[0].variables[1].key}) and what.
 */
public record DefinitionProblem(String file, String path, String message) {

    @Override
    public String toString() {
        return file + ": " + path + ": " + message;
    }

    /** The path in the API's dotted form: {@code authentications.0.variables.1.key}. */
    public String dottedPath() {
        String dotted = path.replaceAll("\\[(\\d+)]", ".$1");
        if (dotted.startsWith("$.")) {
            return dotted.substring(2);
        }
        return dotted.equals("$") ? "definition" : dotted;
    }
}
