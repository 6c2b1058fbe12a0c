package dev.patchbay.catalog.definition;

import dev.patchbay.config.PatchbayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the definitions shipped in {@code classpath:definitions/} (and those of
 * {@code patchbay.definitions.dir}) into the marketplace at start, before the demo seeder needs them.
 * A broken file is reported with its file, path and problem, and skipped; the others still load.
 */
@Component
@Order(0)
public class BundledDefinitions implements ApplicationRunner {

    /** What one load did: definitions added, already known, and refused with their problems. */
    public record LoadReport(List<String> added, List<String> known, List<DefinitionProblem> problems) {}

    private static final Logger log = LoggerFactory.getLogger(BundledDefinitions.class);

    private final DefinitionParser parser;
    private final DefinitionSink sink;
    private final PatchbayProperties.Definitions settings;

    BundledDefinitions(DefinitionParser parser, DefinitionSink sink, PatchbayProperties properties) {
        this.parser = parser;
        this.sink = sink;
        this.settings = properties.definitions();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(Arrays.asList(resolver.getResources("classpath:definitions/*.json")));
        if (settings.dir() != null) {
            files.addAll(Arrays.asList(resolver.getResources(settings.dir().toUri() + "*.json")));
        }
        LoadReport report = load(files);
        log.info("Connector definitions: {} added, {} already known, {} refused", report.added().size(),
                report.known().size(), report.problems().stream().map(DefinitionProblem::file).distinct().count());
    }

    public LoadReport load(List<Resource> files) {
        List<String> added = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        files.sort(Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            ParsedDefinition parsed = parser.parse(file.getFilename(), read(file));
            if (!parsed.valid()) {
                parsed.problems().forEach(problem -> log.warn("Connector definition refused: {}", problem));
                problems.addAll(parsed.problems());
                continue;
            }
            String name = parsed.definition().key() + "@" + parsed.definition().version();
            (sink.addBundled(parsed) ? added : known).add(name);
        }
        return new LoadReport(added, known, problems);
    }

    private static String read(Resource file) {
        try {
            return file.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the definition " + file.getFilename(), e);
        }
    }

    /** Where valid definitions go (the marketplace); a port so that this loader stays free of SQL. */
    public interface DefinitionSink {
        /** @return true when this key and version were new */
        boolean addBundled(ParsedDefinition definition);
    }
}
