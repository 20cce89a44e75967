package io.tributary.connect.transforms.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each transformation's config() against Apache's: the same setting names, types, defaults,
 * importance and presence of a validator (documentation is our own wording).
 */
class ConfigDefDifferentialTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Cast$Key", "Cast$Value", "DropHeaders", "ExtractField$Key", "ExtractField$Value",
        "Filter", "Flatten$Key", "Flatten$Value", "HeaderFrom$Key", "HeaderFrom$Value", "HoistField$Key",
        "HoistField$Value", "InsertField$Key", "InsertField$Value"})
    void configDefinitionMatchesApache(String simpleName) throws ReflectiveOperationException {
        String name = "org.apache.kafka.connect.transforms." + simpleName;
        Transformation<?> ours = (Transformation<?>) Class.forName(name).getConstructor().newInstance();
        Object reference = Differential.referenceInstance(name);

        assertThat(describe(ours.config())).isEqualTo(describe((ConfigDef) Reflect.call(reference, "config")));
    }

    private static List<String> describe(ConfigDef def) {
        return def.configKeys().values().stream()
                .map(key -> key.name + " " + key.type + " default=" + (key.hasDefault() ? key.defaultValue : "<none>")
                        + " " + key.importance + " validator=" + (key.validator != null))
                .collect(Collectors.toList());
    }
}
