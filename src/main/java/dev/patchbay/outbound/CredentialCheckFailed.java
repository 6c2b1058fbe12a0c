package dev.patchbay.outbound;

/**
 * A credential check that did not pass: the system answered an unexpected status, or could not be
 * reached. Rendered as the contract's 422 with {@code errors.credentials} and the details of the
 * check in {@code data}.
 */
public class CredentialCheckFailed extends RuntimeException {

    private final transient CheckResult result;

    public CredentialCheckFailed(CheckResult result) {
        super(result.message(), null, false, false);
        this.result = result;
    }

    public CheckResult result() {
        return result;
    }
}
