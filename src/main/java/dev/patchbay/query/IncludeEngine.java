package dev.patchbay.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Attaches requested includes to a page of views with one loader call per relation per level, so a
 * page of 5 and a page of 100 cost the same number of queries.
 */
public final class IncludeEngine {

    private IncludeEngine() {}

    public static List<Node> load(long companyId, List<?> views, Relations relations, IncludeTree tree) {
        List<Node> nodes = views.stream().map(Node::new).toList();
        attach(companyId, nodes, relations, tree);
        return nodes;
    }

    private static void attach(long companyId, List<Node> nodes, Relations relations, IncludeTree tree) {
        if (nodes.isEmpty()) {
            return;
        }
        Map<String, Map<Long, List<?>>> loadedByName = new java.util.HashMap<>();
        tree.relations().forEach((name, subtree) -> {
            Relation relation = relations.get(name);
            Map<Long, List<?>> loaded = loadFor(companyId, nodes, relation);
            loadedByName.put(name, loaded);
            List<Node> children = new ArrayList<>();
            for (Node node : nodes) {
                List<Node> found = childrenOf(node, relation, loaded).stream().map(Node::new).toList();
                children.addAll(found);
                node.put(relation.jsonName(), relation.many() ? found : (found.isEmpty() ? null : found.get(0)));
            }
            attach(companyId, children, relation.children().get(), subtree);
        });
        Set<String> aggregated = new LinkedHashSet<>(tree.counts());
        aggregated.addAll(tree.exists());
        for (String name : aggregated) {
            Relation relation = relations.get(name);
            // a relation that is also included was loaded above; counting it costs no second query
            Map<Long, List<?>> loaded = loadedByName.containsKey(name) ? loadedByName.get(name) : loadFor(companyId, nodes, relation);
            for (Node node : nodes) {
                int size = childrenOf(node, relation, loaded).size();
                if (tree.counts().contains(name)) {
                    node.put(relation.jsonName() + "_count", size);
                }
                if (tree.exists().contains(name)) {
                    node.put(relation.jsonName() + "_exists", size > 0);
                }
            }
        }
    }

    private static Map<Long, List<?>> loadFor(long companyId, List<Node> nodes, Relation relation) {
        Set<Long> keys = new LinkedHashSet<>();
        nodes.stream().map(node -> relation.key().apply(node.getView())).filter(Objects::nonNull).forEach(keys::add);
        return keys.isEmpty() ? Map.of() : relation.loader().load(companyId, keys);
    }

    private static List<?> childrenOf(Node node, Relation relation, Map<Long, List<?>> loaded) {
        Long key = relation.key().apply(node.getView());
        return key == null ? List.of() : loaded.getOrDefault(key, List.of());
    }
}
