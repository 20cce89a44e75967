package io.tributary.connect.plugins;

import java.util.List;
import java.util.Set;

/**
 * Decides which classes a {@link PluginClassLoader} must take from its parent (the worker) even
 * when the plugin bundles its own copy. The rule was established by running Apache Kafka Connect
 * 4.1.1 against a list of class names and matching every answer.
 *
 * <p>Shared with the worker, because instances of these types cross the plugin boundary and a
 * second copy would make the worker's casts and the plugin's overrides fail:
 * <ul>
 *   <li>{@code java.*}, the JDK's {@code javax.*} packages, the older Java EE {@code javax.*}
 *       APIs, and the JDK's {@code org.w3c.dom}, {@code org.xml.sax}, {@code org.ietf.jgss} and
 *       CORBA packages: platform types handed to and from plugins;</li>
 *   <li>{@code org.slf4j.*}: one logging facade, so plugin log lines reach the worker's backend
 *       (the backends themselves — logback, log4j — are not shared);</li>
 *   <li>{@code org.apache.kafka.*}: the Connect API (Connector, SourceRecord, Schema, Converter,
 *       Transformation, ...) and kafka-clients (ConfigDef, AbstractConfig, ConfigProvider, ...),
 *       which the worker calls through and passes in.</li>
 * </ul>
 *
 * <p>Carved out of {@code org.apache.kafka.*} again, because they are plugin implementations that
 * a plugin location may ship in a different version: the file connectors, JSON converter,
 * primitive converters, MirrorMaker, the built-in transformations and predicates (but not the
 * {@code Transformation}/{@code Predicate} interfaces), the config providers (but not
 * {@code ConfigProvider}), the override policies (but not the policy interface),
 * {@code StringConverter}, {@code SimpleHeaderConverter} and the basic-auth REST extension.
 *
 * <p>Everything else — including {@code jakarta.*}, Jackson and the logging backends — is looked
 * up in the plugin location first, exactly as Apache's runtime does.
 */
public final class IsolationRule {

    private static final String KAFKA = "org.apache.kafka.";
    private static final String CONNECT = "org.apache.kafka.connect.";

    private static final List<String> SHARED_PREFIXES = List.of(
            "java.", "org.slf4j.", KAFKA,
            "org.ietf.jgss.", "org.w3c.dom.", "org.xml.sax.",
            // The JDK's own javax packages.
            "javax.accessibility.", "javax.annotation.", "javax.crypto.", "javax.imageio.",
            "javax.lang.model.", "javax.management.", "javax.naming.", "javax.net.", "javax.print.",
            "javax.rmi.", "javax.script.", "javax.security.auth.", "javax.security.cert.",
            "javax.security.sasl.", "javax.sound.", "javax.sql.", "javax.swing.", "javax.tools.",
            "javax.transaction.", "javax.xml.",
            // Java EE APIs that used to ship with, or alongside, the JDK.
            "javax.activation.", "javax.activity.", "javax.batch.api.", "javax.batch.operations.",
            "javax.batch.runtime.", "javax.decorator.", "javax.ejb.", "javax.el.",
            "javax.enterprise.concurrent.", "javax.enterprise.context.", "javax.enterprise.event.",
            "javax.enterprise.inject.", "javax.enterprise.util.", "javax.faces.", "javax.inject.",
            "javax.interceptor.", "javax.jms.", "javax.json.", "javax.jws.", "javax.mail.",
            "javax.persistence.", "javax.resource.", "javax.security.jacc.", "javax.servlet.",
            "javax.validation.", "javax.websocket.", "javax.ws.rs.",
            // CORBA, once part of the JDK.
            "org.omg.CORBA.", "org.omg.CosNaming.", "org.omg.Dynamic.", "org.omg.DynamicAny.",
            "org.omg.IOP.", "org.omg.Messaging.", "org.omg.PortableInterceptor.",
            "org.omg.PortableServer.", "org.omg.SendingContext.");

    /** Packages under org.apache.kafka whose classes are plugins, plus the API types inside them that stay shared. */
    private static final List<String> PLUGIN_PACKAGES = List.of(
            CONNECT + "file.", CONNECT + "json.", CONNECT + "converters.", CONNECT + "mirror.",
            CONNECT + "transforms.", CONNECT + "connector.policy.", KAFKA + "common.config.provider.");

    private static final Set<String> PLUGIN_CLASSES = Set.of(
            CONNECT + "storage.StringConverter",
            CONNECT + "storage.SimpleHeaderConverter",
            CONNECT + "rest.basic.auth.extension.BasicAuthSecurityRestExtension");

    private static final Set<String> API_CLASSES_IN_PLUGIN_PACKAGES = Set.of(
            CONNECT + "transforms.predicates.Predicate",
            CONNECT + "connector.policy.ConnectorClientConfigOverridePolicy",
            KAFKA + "common.config.provider.ConfigProvider");

    /** The Transformation interface and anything nested in it. */
    private static final String TRANSFORMATION_API = CONNECT + "transforms.Transformation";

    private IsolationRule() {
    }

    /**
     * True when a plugin loader should look in its own location before asking the parent;
     * false when the class must always come from the parent.
     */
    public static boolean loadsInIsolation(String className) {
        if (!startsWithAny(className, SHARED_PREFIXES)) {
            return true;
        }
        return className.startsWith(KAFKA) && isKafkaPluginImplementation(className);
    }

    private static boolean isKafkaPluginImplementation(String className) {
        if (PLUGIN_CLASSES.contains(className)) {
            return true;
        }
        if (API_CLASSES_IN_PLUGIN_PACKAGES.contains(className) || className.startsWith(TRANSFORMATION_API)) {
            return false;
        }
        return startsWithAny(className, PLUGIN_PACKAGES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
