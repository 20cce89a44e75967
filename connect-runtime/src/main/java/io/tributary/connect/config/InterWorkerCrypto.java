package io.tributary.connect.config;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Checks of the algorithms workers sign forwarded internal requests with: each must exist in this JVM, so a
 * worker that could not verify its peers refuses to start instead of rejecting their requests later.
 */
final class InterWorkerCrypto {

    private InterWorkerCrypto() {
    }

    static ConfigDef.Validator keyGenerator() {
        return new SupportedAlgorithm("KeyGenerator", "Any KeyGenerator algorithm supported by the worker JVM");
    }

    static ConfigDef.Validator mac() {
        return new SupportedAlgorithm("Mac", "Any MAC algorithm supported by the worker JVM");
    }

    static ConfigDef.Validator macList() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                List<?> algorithms = (List<?>) value;
                if (algorithms == null || algorithms.isEmpty()) {
                    throw new ConfigException(name, value, "At least one signature verification algorithm must be "
                        + "provided");
                }
                algorithms.forEach(algorithm -> mac().ensureValid(name, algorithm));
            }

            @Override
            public String toString() {
                return "A list of one or more MAC algorithms, each supported by the worker JVM";
            }
        };
    }

    /** Builds the leader's session key generator, failing as a config error when the size does not fit. */
    static KeyGenerator keyGenerator(String algorithm, Integer keySize) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            if (keySize != null) {
                generator.init(keySize);
            }
            return generator;
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            throw new ConfigException("Unable to create key generator with algorithm " + algorithm + " and key size "
                + keySize + ": " + e.getMessage());
        }
    }

    private record SupportedAlgorithm(String service, String description) implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            String algorithm = (String) value;
            try {
                if (service.equals("Mac")) {
                    Mac.getInstance(algorithm);
                } else {
                    KeyGenerator.getInstance(algorithm);
                }
            } catch (NoSuchAlgorithmException | NullPointerException e) {
                throw new ConfigException(name, value, "the algorithm is not supported by this JVM; the supported "
                    + "algorithms are: " + supported());
            }
        }

        private Set<String> supported() {
            // Provider services keep the algorithms' own spelling (HmacSHA256), unlike Security.getAlgorithms.
            Set<String> names = new TreeSet<>();
            for (Provider provider : Security.getProviders()) {
                provider.getServices().stream().filter(s -> s.getType().equals(service))
                    .forEach(s -> names.add(s.getAlgorithm()));
            }
            return names;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
