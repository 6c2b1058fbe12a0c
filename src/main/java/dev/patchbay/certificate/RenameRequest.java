package dev.patchbay.certificate;

import dev.patchbay.web.CheckedBody;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An update: only the name can change. The content and passphrase are refused rather than ignored,
 * so nobody believes they replaced a certificate; a new file is a new upload.
 */
@CheckedBody
record RenameRequest(
        @NotBlank(message = "field is required.") @Size(max = 255, message = "must not be greater than 255 characters.")
                String name,
        String certificate,
        String passphrase) {

    @Override
    public String toString() {
        return "RenameRequest[name=" + name + "]";
    }
}
