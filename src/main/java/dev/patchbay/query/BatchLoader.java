package dev.patchbay.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Loads the children of many parents in one query: lookup key → children, scoped to one company. */
@FunctionalInterface
public interface BatchLoader {

    Map<Long, List<?>> load(long companyId, Collection<Long> keys);
}
