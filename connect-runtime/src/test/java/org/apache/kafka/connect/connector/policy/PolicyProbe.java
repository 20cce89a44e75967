package org.apache.kafka.connect.connector.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.health.ConnectorType;

/** Asks one override policy for its verdicts and describes them as text; loaded in both worlds. */
public final class PolicyProbe {

    public String validate(String className, Map<String, Object> overrides, String clientType) {
        try (ConnectorClientConfigOverridePolicy policy = (ConnectorClientConfigOverridePolicy)
                Class.forName(className).getConstructor().newInstance()) {
            policy.configure(Map.of());
            ConnectorClientConfigRequest request = new ConnectorClientConfigRequest("conn", ConnectorType.SOURCE,
                    null, new LinkedHashMap<>(overrides), ConnectorClientConfigRequest.ClientType.valueOf(clientType));
            List<ConfigValue> verdicts = policy.validate(request);
            return verdicts.stream()
                    .map(v -> v.name() + "=" + v.value() + " errors=" + v.errorMessages()
                            + " recommended=" + v.recommendedValues() + " visible=" + v.visible())
                    .collect(Collectors.joining("\n"));
        } catch (Throwable e) {
            return "THROWS " + e.getClass().getName() + " message=" + e.getMessage();
        }
    }

    public String version(String className) throws ReflectiveOperationException {
        return ((Versioned) Class.forName(className).getConstructor().newInstance()).version();
    }
}
