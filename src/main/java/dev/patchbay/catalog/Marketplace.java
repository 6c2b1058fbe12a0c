package dev.patchbay.catalog;

import dev.patchbay.catalog.definition.BundledDefinitions;
import dev.patchbay.catalog.definition.DefinitionParser;
import dev.patchbay.catalog.definition.DefinitionProblem;
import dev.patchbay.catalog.definition.ParsedDefinition;
import dev.patchbay.web.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The marketplace's write side: bundled definitions at start, imports by platform administrators. */
@Service
class Marketplace implements BundledDefinitions.DefinitionSink {

    private static final Logger log = LoggerFactory.getLogger(Marketplace.class);

    private final SystemTemplateRepository templates;
    private final DefinitionParser parser;

    Marketplace(SystemTemplateRepository templates, DefinitionParser parser) {
        this.templates = templates;
        this.parser = parser;
    }

    @Override
    @Transactional
    public boolean addBundled(ParsedDefinition parsed) {
        String key = parsed.definition().key();
        String version = parsed.definition().version();
        var stored = templates.findByKeyAndVersion(key, version);
        if (stored.isPresent()) {
            if (!parser.parse(parsed.file(), stored.get().definition()).json().equals(parsed.json())) {
                log.warn("Connector definition {} changed without a new version; keeping the stored {}@{}. Give changed "
                        + "content a new version.", parsed.file(), key, version);
            }
            return false;
        }
        try {
            templates.insert(parsed.definition(), parsed.json(), "bundled");
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    /** A platform administrator's import: refused with every problem at once, or stored as a new version. */
    @Transactional
    long importDefinition(String json) {
        ParsedDefinition parsed = parser.parse("request body", json);
        if (!parsed.valid()) {
            FieldErrors errors = new FieldErrors();
            for (DefinitionProblem problem : parsed.problems()) {
                errors.add(problem.dottedPath(), "The " + problem.dottedPath() + " " + problem.message() + ".");
            }
            errors.throwIfAny();
        }
        if (templates.exists(parsed.definition().key(), parsed.definition().version())) {
            new FieldErrors().add("version", "Version " + parsed.definition().version() + " of " + parsed.definition().key()
                    + " exists already, and a version never changes; import it under a new version.").throwIfAny();
        }
        return templates.insert(parsed.definition(), parsed.json(), "imported");
    }
}
