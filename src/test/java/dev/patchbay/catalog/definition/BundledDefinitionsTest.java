package dev.patchbay.catalog.definition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchbay.config.PatchbayProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.env.MockEnvironment;

class BundledDefinitionsTest {

    private final List<String> stored = new ArrayList<>();

    private final BundledDefinitions loader = new BundledDefinitions(new DefinitionParser(), parsed -> {
        String name = parsed.definition().key() + "@" + parsed.definition().version();
        return !stored.contains(name) && stored.add(name);
    }, properties());

    private static PatchbayProperties properties() {
        return Binder.get(new MockEnvironment().withProperty("patchbay.data-dir", Path.of("target").toString()))
                .bindOrCreate("patchbay", PatchbayProperties.class);
    }

    private static Resource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void shouldLoadTheGoodFilesAndReportTheBrokenOneWithoutStopping() throws IOException {
        Resource shopify = new PathMatchingResourcePatternResolver().getResource("classpath:definitions/shopify.json");
        Resource stripe = new PathMatchingResourcePatternResolver().getResource("classpath:definitions/stripe.json");
        List<Resource> files = new ArrayList<>(List.of(shopify, file("aaa-broken.json", "{\"key\": \"x\"}"), stripe));

        BundledDefinitions.LoadReport report = loader.load(files);

        assertThat(report.added()).containsExactly("shopify@1.0.0", "stripe@1.0.0");
        assertThat(report.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo("aaa-broken.json"));
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem.path()).isEqualTo("$.version"));
    }

    @Test
    void shouldKnowADefinitionItLoadedBefore() throws IOException {
        Resource shopify = new PathMatchingResourcePatternResolver().getResource("classpath:definitions/shopify.json");
        loader.load(new ArrayList<>(List.of(shopify)));

        BundledDefinitions.LoadReport again = loader.load(new ArrayList<>(List.of(shopify)));

        assertThat(again.added()).isEmpty();
        assertThat(again.known()).containsExactly("shopify@1.0.0");
    }
}
