package dev.patchbay.builder.variable;

import dev.patchbay.query.Page;
import dev.patchbay.builder.JsonInput;
import dev.patchbay.builder.Texts;
import dev.patchbay.builder.variable.VariableRepository.OwnerRef;
import dev.patchbay.query.ListReader;
import dev.patchbay.query.ListSource;
import dev.patchbay.query.Node;
import dev.patchbay.query.QueryParams;
import dev.patchbay.query.Relations;
import dev.patchbay.query.ResourceQuery;
import dev.patchbay.query.ResourceQuery.ValueType;
import dev.patchbay.secret.SecretMask;
import dev.patchbay.variable.VariableData;
import dev.patchbay.variable.VariableRules;
import dev.patchbay.variable.VariableStore;
import dev.patchbay.variable.VariableStore.Owner;
import dev.patchbay.variable.VariableView;
import dev.patchbay.web.FieldErrors;
import dev.patchbay.web.NotFoundException;
import dev.patchbay.web.ValidationFailedException;
import dev.patchbay.web.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Variable templates of authentication implementations and endpoints. Values go through
 * {@link VariableStore} (encrypted when secret, masked on the way out). A template named by its
 * implementation's settings ({@code {{api_key}}}) cannot be renamed or deleted: the settings would
 * fail at run time.
 */
@Service
class VariableTemplates {

    /** What a variable template shows beside its fields: the one record it belongs to. */
    @Schema(name = "VariableTemplateOwner")
    record OwnerIds(Long authenticationImplementationId, Long endpointId) {}

    static final ResourceQuery QUERY = ResourceQuery.forResource("variables", "v.position, v.id")
            .filter("key", "v.key IN (:values)", ValueType.TEXT)
            .sort("key", "v.key")
            .sort("label", "v.label");

    private final JsonInput input;
    private final Validator beanValidator;
    private final VariableStore variables;
    private final VariableRepository repository;
    private final ListReader lists;
    /** The templates of the authentication implementation {@code :owner}, as ids; each read completes them for its owner. */
    private final ListSource<Long> ofImplementation;

    VariableTemplates(JsonInput input, Validator beanValidator, VariableStore variables, VariableRepository repository,
            ListReader lists) {
        this.input = input;
        this.beanValidator = beanValidator;
        this.variables = variables;
        this.repository = repository;
        this.lists = lists;
        this.ofImplementation = ListSource.ofIds("variables", "v", "variable", (company, ids) -> List.of(), Relations.none())
                .where("v.authentication_implementation_id = :owner");
    }

    @Transactional(readOnly = true)
    Page listOfImplementation(long companyId, long implementationId, QueryParams query) {
        OwnerRef owner = new OwnerRef(Owner.AUTHENTICATION_IMPLEMENTATION, implementationId);
        if (repository.settingsOf(companyId, implementationId) == null) {
            throw NotFoundException.of("authentication implementation", implementationId);
        }
        return lists.page(companyId, ofImplementation.completedBy((company, ids) -> views(company, owner, ids))
                .withParameters(Map.of("owner", implementationId)), query);
    }

    @Transactional
    long createForImplementation(long companyId, long implementationId, JsonNode body) {
        OwnerRef owner = new OwnerRef(Owner.AUTHENTICATION_IMPLEMENTATION, implementationId);
        if (!repository.lockOwner(companyId, owner)) {
            throw NotFoundException.of("authentication implementation", implementationId);
        }
        VariableInput variable = input.read(body, VariableInput.class);
        return create(companyId, owner, variable, Violations.of(beanValidator, variable));
    }

    /** {@code POST /api/v1/variables}: the owner is exactly one of the body's two owner fields. */
    @Transactional
    long create(long companyId, JsonNode body) {
        VariableInput variable = input.read(body, VariableInput.class);
        FieldErrors errors = Violations.of(beanValidator, variable);
        Long implementation = variable.authenticationImplementationId();
        Long endpoint = variable.endpointId();
        if (implementation == null && endpoint == null) {
            errors.add("authentication_implementation_id",
                    "The authentication implementation id field is required when endpoint id is not present.");
            errors.add("endpoint_id", "The endpoint id field is required when authentication implementation id is not present.");
            errors.throwIfAny();
        }
        if (implementation != null && endpoint != null) {
            errors.add("endpoint_id", "A variable belongs to one owner: give authentication_implementation_id or endpoint_id, not both.");
            errors.throwIfAny();
        }
        OwnerRef owner = implementation != null
                ? new OwnerRef(Owner.AUTHENTICATION_IMPLEMENTATION, implementation)
                : new OwnerRef(Owner.ENDPOINT, endpoint);
        if (!repository.lockOwner(companyId, owner)) {
            errors.add(implementation != null ? "authentication_implementation_id" : "endpoint_id",
                    implementation != null ? "The selected authentication implementation id is invalid."
                            : "The selected endpoint id is invalid.");
            errors.throwIfAny();
        }
        return create(companyId, owner, variable, errors);
    }

    private long create(long companyId, OwnerRef owner, VariableInput variable, FieldErrors errors) {
        List<String> keys = variables.clearValues(companyId, owner.owner(), owner.id()).stream().map(VariableData::key).toList();
        List<VariableData> created = VariableRules.newTemplates(List.of(variable.sent()), keys, "", errors);
        errors.throwIfAny();
        return duplicateKeyIs422(() -> {
            variables.insertAll(companyId, owner.owner(), owner.id(), created);
            return repository.moveToEnd(companyId, owner, variable.key());
        });
    }

    @Transactional(readOnly = true)
    Node get(long companyId, long id) {
        OwnerRef owner = repository.ownerOf(companyId, id).orElseThrow(() -> NotFoundException.of("variable", id));
        VariableView view = (VariableView) views(companyId, owner, List.of(id)).get(0);
        return new Node(view)
                .put("authentication_implementation_id", owner.owner() == Owner.AUTHENTICATION_IMPLEMENTATION ? owner.id() : null)
                .put("endpoint_id", owner.owner() == Owner.ENDPOINT ? owner.id() : null);
    }

    @Transactional
    void update(long companyId, long id, JsonNode body) {
        OwnerRef owner = lockedOwner(companyId, id);
        List<VariableData> stored = variables.clearValues(companyId, owner.owner(), owner.id());
        VariableData was = stored(stored, id);
        Long implementation = owner.owner() == Owner.AUTHENTICATION_IMPLEMENTATION ? owner.id() : null;
        Long endpoint = owner.owner() == Owner.ENDPOINT ? owner.id() : null;
        VariableInput current = new VariableInput(was.key(), was.secret() ? SecretMask.forOutput(was.value()) : was.value(),
                was.label(), was.secret(), was.locked(), null, implementation, endpoint);
        VariableInput changed = input.merge(current, body, VariableInput.class);
        FieldErrors errors = Violations.of(beanValidator, changed);
        if (!Objects.equals(changed.authenticationImplementationId(), implementation)
                || !Objects.equals(changed.endpointId(), endpoint)) {
            errors.add(implementation != null ? "authentication_implementation_id" : "endpoint_id",
                    "A variable cannot be moved to another owner.");
        }
        VariableData result = VariableRules.changed(was, changed.sent(), "", errors);
        if (result.key() != null && stored.stream().anyMatch(v -> v.id() != id && result.key().equals(v.key()))) {
            errors.addAbout("key", "field has already been taken.");
        }
        if (!Objects.equals(was.key(), result.key())) {
            usedBySettings(companyId, owner, was.key()).ifPresent(message -> errors.add("key", message));
        }
        errors.throwIfAny();
        duplicateKeyIs422(() -> {
            variables.updateAll(companyId, owner.owner(), owner.id(), List.of(result));
            return id;
        });
    }

    @Transactional
    void delete(long companyId, long id) {
        OwnerRef owner = lockedOwner(companyId, id);
        VariableData was = stored(variables.clearValues(companyId, owner.owner(), owner.id()), id);
        Optional<String> used = usedBySettings(companyId, owner, was.key());
        if (used.isPresent()) {
            throw ValidationFailedException.of("variable", used.get());
        }
        repository.delete(companyId, id);
    }

    /**
     * The variable's owner, locked. A concurrent delete of the owner (which takes its templates with it) can
     * commit between the two reads: the lock then finds no row, and the variable is gone, so 404.
     */
    private OwnerRef lockedOwner(long companyId, long id) {
        OwnerRef owner = repository.ownerOf(companyId, id).orElseThrow(() -> NotFoundException.of("variable", id));
        if (!repository.lockOwner(companyId, owner)) {
            throw NotFoundException.of("variable", id);
        }
        return owner;
    }

    /** The variable among its owner's templates read under the owner's lock; a concurrent delete of it makes a 404. */
    private static VariableData stored(List<VariableData> templates, long id) {
        return templates.stream().filter(v -> v.id() == id).findFirst().orElseThrow(() -> NotFoundException.of("variable", id));
    }

    private Optional<String> usedBySettings(long companyId, OwnerRef owner, String key) {
        if (owner.owner() != Owner.AUTHENTICATION_IMPLEMENTATION
                || !Texts.placeholders(repository.settingsOf(companyId, owner.id())).contains(key)) {
            return Optional.empty();
        }
        return Optional.of("The variable " + key + " is used by its authentication implementation's settings as {{" + key
                + "}}; change the settings first.");
    }

    /** Masked views of some of one owner's templates, in the order of {@code ids}. */
    private List<?> views(long companyId, OwnerRef owner, List<Long> ids) {
        Map<Long, VariableView> byId = variables.viewsByOwner(companyId, owner.owner(), List.of(owner.id()))
                .getOrDefault(owner.id(), List.of()).stream()
                .map(VariableView.class::cast)
                .collect(Collectors.toMap(VariableView::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static long duplicateKeyIs422(java.util.function.LongSupplier write) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException e) {
            throw ValidationFailedException.of("key", "The key has already been taken.");
        }
    }
}
