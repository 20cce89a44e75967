package io.tributary.connect.rest.resources;

import io.tributary.connect.plugins.PluginDescriptor;

import java.util.Collection;

/** The plugins a worker found; {@code Plugins::descriptors} is the usual implementation. */
@FunctionalInterface
public interface PluginCatalog {

    Collection<PluginDescriptor> descriptors();
}
