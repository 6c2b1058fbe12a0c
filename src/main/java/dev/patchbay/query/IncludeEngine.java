package dev.patchbay.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Attaches requested includes to a page of views with one loader call per relation per level, so a
 * page of 5 and a page of 100 cost the same number of queries. A child node may be shared by several
 * parents (those with the same key), so the nodes below the top level must not be changed afterwards.
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
        Map<String, Map<Long, List<?>>> loadedByName = new HashMap<>();
        for (Map.Entry<String, IncludeTree> include : tree.relations().entrySet()) {
            Relation relation = relations.get(include.getKey());
            Map<Long, List<?>> loaded = loadFor(companyId, nodes, relation);
            loadedByName.put(include.getKey(), loaded);
            // Parents with the same key share one list of child nodes: on a page of 100 connectors over three
            // authentication implementations, the next level attaches includes to 3 nodes, not 100.
            Map<Long, List<Node>> nodesByKey = new HashMap<>();
            List<Node> children = new ArrayList<>();
            for (Node node : nodes) {
                Long key = relation.key().apply(node.getView());
                List<Node> found = key == null ? List.of() : nodesByKey.get(key);
                if (found == null) {
                    found = nodesOf(loaded.getOrDefault(key, List.of()), relation.many());
                    nodesByKey.put(key, found);
                    children.addAll(found);
                } else {
                    found.forEach(Node::markShared);
                }
                node.put(relation.jsonName(), relation.many() ? found : (found.isEmpty() ? null : found.get(0)));
            }
            attach(companyId, children, relation.children().get(), include.getValue());
        }
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

    /** Nodes for the loaded views: all of them for a to-many relation, the first for a to-one. */
    private static List<Node> nodesOf(List<?> views, boolean many) {
        if (views.isEmpty()) {
            return List.of();
        }
        if (!many) {
            return List.of(new Node(views.get(0)));
        }
        List<Node> nodes = new ArrayList<>(views.size());
        for (Object view : views) {
            nodes.add(new Node(view));
        }
        return nodes;
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
