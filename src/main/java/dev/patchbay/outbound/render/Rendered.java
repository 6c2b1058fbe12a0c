package dev.patchbay.outbound.render;

/** A template's text after substitution, and whether a secret went into it (so it must be masked when shown). */
public record Rendered(String text, boolean sensitive) {

    @Override
    public String toString() {
        return sensitive ? "Rendered[********]" : "Rendered[" + text + "]";
    }
}
