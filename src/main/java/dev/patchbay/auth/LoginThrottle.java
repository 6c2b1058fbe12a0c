package dev.patchbay.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing without handing the guesser a way to lock the real user out. Used by every
 * sign-in: {@code POST /fabric/api/login} and the dashboard's form, through {@link LoginService}.
 *
 * <p>Failures are counted per client address, and per client address and account, never per account
 * alone: ten wrong passwords from one address make that address wait for that account, while the
 * right password from any other address still gets in. An address may fail at most
 * {@code account-failures} times for one account and {@code address-failures} times over all accounts
 * within a window that starts at its first failure, so spraying one password over many accounts is
 * stopped by the second limit. An attempt over either limit is refused before the password is
 * compared, so a throttled attempt costs no BCrypt. A successful login is not a failure, and clears
 * its address and account count.
 *
 * <p>The address is what the servlet container reports: the connection's peer, or behind a reverse
 * proxy trusted through {@code server.forward-headers-strategy=native}, the client that proxy names in
 * {@code X-Forwarded-For} (docs/operations.md, "Login throttle"). IPv6 clients count per /64
 * ({@link ClientAddresses}). Accounts are counted by a digest of the lower-cased e-mail, known or not,
 * so neither the answer nor the memory held depends on whether the account exists.
 *
 * <p>Not stopped here: slow guessing of one account from very many addresses, each within its
 * allowance. Refusing the account itself would hand every attacker the lockout this class avoids.
 */
final class LoginThrottle {

    /** One attempt's two counts: the client address, and the account (a digest of its e-mail) from that address. */
    record Attempt(String address, String account) {}

    private final LoginCounters counters;

    LoginThrottle(LoginCounters counters) {
        this.counters = counters;
    }

    static Attempt attempt(String remoteAddress, String email) {
        return new Attempt(ClientAddresses.key(remoteAddress), ClientAddresses.digest(email.trim().toLowerCase(Locale.ROOT)));
    }

    /** Empty when the attempt may go on (it is then counted as a failure); else how long to wait. */
    Optional<Duration> tryStart(Attempt attempt) {
        return counters.tryCount(attempt.address(), attempt.account());
    }

    /** The attempt had the right password. */
    void succeeded(Attempt attempt) {
        counters.succeeded(attempt.address(), attempt.account());
    }
}
