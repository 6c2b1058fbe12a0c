package dev.patchbay.connector;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions as blocks, for a service that must do work between two of them (a call to a system,
 * which may not hold a database connection).
 */
@Component
class Transactions {

    private final TransactionTemplate template;

    Transactions(PlatformTransactionManager manager) {
        this.template = new TransactionTemplate(manager);
    }

    <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }

    /** Runs {@code work} in a transaction that is always rolled back: reads that may see its own trial writes. */
    <T> T rolledBack(Supplier<T> work) {
        return template.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
