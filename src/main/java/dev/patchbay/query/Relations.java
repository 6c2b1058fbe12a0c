package dev.patchbay.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** The includable relations of one view type, by include name (camelCase, as clients send them). */
public final class Relations {

    private final Map<String, Relation> byName = new LinkedHashMap<>();

    public static Relations none() {
        return new Relations();
    }

    public Relations with(String includeName, Relation relation) {
        byName.put(includeName, relation);
        return this;
    }

    Relation get(String includeName) {
        Relation relation = byName.get(includeName);
        if (relation == null) {
            throw new IllegalStateException("Include `" + includeName + "` is declared but has no relation behind it.");
        }
        return relation;
    }
}
