package dev.patchbay.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attaches requested includes to a page of views level by level: every relation requested at one depth of the
 * include tree is loaded with one loader call, whatever the page size, and the {@link KeyedQuery keyed queries}
 * among them go to the database together, in one round trip per level. A key a keyed query has already loaded
 * earlier in the same read is not asked for again (a connector's system and its endpoints' systems are mostly
 * the same rows). A child node may be shared by several parents (those with the same key), so the nodes below
 * the top level must not be changed afterwards.
 */
public final class IncludeEngine {

    private IncludeEngine() {}

    public static List<Node> load(long companyId, List<?> views, Relations relations, IncludeTree tree) {
        List<Node> nodes = new ArrayList<>(views.size());
        for (Object view : views) {
            nodes.add(new Node(view));
        }
        new Read(companyId).attach(nodes, relations, tree);
        return nodes;
    }

    /** Nodes of one level that take their includes from one subtree of the request. */
    private record Group(List<Node> nodes, Relations relations, IncludeTree tree) {}

    /** A group with what it needs, by include name. */
    private record Planned(Group group, Map<String, Need> byName) {}

    /** The children a group needs through one relation: their keys, then (once loaded) the children by key. */
    private static final class Need {
        private final Relation relation;
        private final Set<Long> keys = new LinkedHashSet<>();
        private Map<Long, List<?>> loaded = Map.of();

        private Need(Relation relation, List<Node> nodes) {
            this.relation = relation;
            for (Node node : nodes) {
                Long key = relation.key().apply(node.getView());
                if (key != null) {
                    keys.add(key);
                }
            }
        }

        private List<?> childrenOf(Node node) {
            Long key = relation.key().apply(node.getView());
            return key == null ? List.of() : loaded.getOrDefault(key, List.of());
        }
    }

    /** One read: its company, and what its keyed queries have loaded so far. */
    private static final class Read {

        private final long companyId;
        /** Per keyed query, its children of every key it was asked for in this read (an empty list for none). */
        private final Map<KeyedQuery, Map<Long, List<?>>> loadedBy = new HashMap<>();

        private Read(long companyId) {
            this.companyId = companyId;
        }

        void attach(List<Node> roots, Relations relations, IncludeTree tree) {
            List<Group> level = roots.isEmpty() ? List.of() : List.of(new Group(roots, relations, tree));
            while (!level.isEmpty()) {
                List<Planned> planned = plan(level);
                load(planned);
                level = attachLevel(planned);
            }
        }

        /** What each group of the level needs: its included relations in request order, then those only counted. */
        private static List<Planned> plan(List<Group> level) {
            List<Planned> planned = new ArrayList<>(level.size());
            for (Group group : level) {
                Map<String, Need> byName = new LinkedHashMap<>();
                for (String name : group.tree().relations().keySet()) {
                    byName.put(name, new Need(group.relations().get(name), group.nodes()));
                }
                for (String name : aggregated(group.tree())) {
                    // a relation that is also included was loaded above; counting it costs no second query
                    byName.computeIfAbsent(name, n -> new Need(group.relations().get(n), group.nodes()));
                }
                planned.add(new Planned(group, byName));
            }
            return planned;
        }

        /** Loads every need of a level: the keyed queries' missing keys in one round trip, other loaders one by one. */
        private void load(List<Planned> planned) {
            Map<KeyedQuery, Set<Long>> missing = new LinkedHashMap<>();
            List<Need> keyed = new ArrayList<>();
            for (Planned group : planned) {
                for (Need need : group.byName().values()) {
                    if (need.keys.isEmpty()) {
                        continue;
                    }
                    if (need.relation.loader() instanceof KeyedQuery query) {
                        Map<Long, List<?>> loaded = loadedBy.computeIfAbsent(query, q -> new HashMap<>());
                        for (Long key : need.keys) {
                            if (!loaded.containsKey(key)) {
                                missing.computeIfAbsent(query, q -> new LinkedHashSet<>()).add(key);
                            }
                        }
                        keyed.add(need);
                    } else {
                        need.loaded = need.relation.loader().load(companyId, need.keys);
                    }
                }
            }
            if (!missing.isEmpty()) {
                List<KeyedQuery.Load> loads = new ArrayList<>(missing.size());
                missing.forEach((query, keys) -> loads.add(new KeyedQuery.Load(query, keys)));
                List<Map<Long, List<?>>> results = KeyedQuery.runAll(companyId, loads);
                for (int i = 0; i < loads.size(); i++) {
                    Map<Long, List<?>> loaded = loadedBy.get(loads.get(i).query());
                    Map<Long, List<?>> found = results.get(i);
                    for (Long key : loads.get(i).keys()) {
                        loaded.put(key, found.getOrDefault(key, List.of()));
                    }
                }
            }
            for (Need need : keyed) {
                need.loaded = loadedBy.get((KeyedQuery) need.relation.loader());
            }
        }

        /** Puts each group's includes, counts and flags on its nodes; answers the groups of the next level. */
        private static List<Group> attachLevel(List<Planned> planned) {
            List<Group> next = new ArrayList<>();
            for (Planned plan : planned) {
                Group group = plan.group();
                Map<String, Need> byName = plan.byName();
                for (Map.Entry<String, IncludeTree> include : group.tree().relations().entrySet()) {
                    Need need = byName.get(include.getKey());
                    Relation relation = need.relation;
                    // Parents with the same key share one list of child nodes: on a page of 100 connectors over three
                    // authentication implementations, the next level attaches includes to 3 nodes, not 100.
                    Map<Long, List<Node>> nodesByKey = new HashMap<>();
                    List<Node> children = new ArrayList<>();
                    for (Node node : group.nodes()) {
                        Long key = relation.key().apply(node.getView());
                        List<Node> found = key == null ? List.of() : nodesByKey.get(key);
                        if (found == null) {
                            found = nodesOf(need.loaded.getOrDefault(key, List.of()), relation.many());
                            nodesByKey.put(key, found);
                            children.addAll(found);
                        } else {
                            found.forEach(Node::markShared);
                        }
                        node.put(relation.jsonName(), relation.many() ? found : (found.isEmpty() ? null : found.get(0)));
                    }
                    if (!children.isEmpty()) {
                        next.add(new Group(children, relation.children().get(), include.getValue()));
                    }
                }
                IncludeTree tree = group.tree();
                for (String name : aggregated(tree)) {
                    Need need = byName.get(name);
                    for (Node node : group.nodes()) {
                        int size = need.childrenOf(node).size();
                        if (tree.counts().contains(name)) {
                            node.put(need.relation.jsonName() + "_count", size);
                        }
                        if (tree.exists().contains(name)) {
                            node.put(need.relation.jsonName() + "_exists", size > 0);
                        }
                    }
                }
            }
            return next;
        }

        private static Set<String> aggregated(IncludeTree tree) {
            if (tree.counts().isEmpty() && tree.exists().isEmpty()) {
                return Set.of();
            }
            Set<String> aggregated = new LinkedHashSet<>(tree.counts());
            aggregated.addAll(tree.exists());
            return aggregated;
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
    }
}
