package io.tributary.connect.rest.resources;

import io.tributary.connect.plugins.PluginDescriptor;
import io.tributary.connect.plugins.PluginType;
import io.tributary.connect.rest.entities.PluginInfo;
import jakarta.inject.Inject;
import io.tributary.connect.config.ConnectorConfig;
import io.tributary.connect.herder.BadRequestException;
import io.tributary.connect.model.ConfigInfos;
import io.tributary.connect.model.ConfigKeyInfo;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /connector-plugins: the connectors this worker can run and, on request, the other pluggable parts. */
@Path("/connector-plugins")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorPluginsResource {

    /** Kafka Connect lists the non-connector kinds in this order, each sorted by class name. */
    private static final List<PluginType> OTHER_KINDS = List.of(
            PluginType.TRANSFORMATION, PluginType.PREDICATE, PluginType.CONVERTER, PluginType.HEADER_CONVERTER);

    private final RestBackend backend;

    @Inject
    public ConnectorPluginsResource(RestBackend backend) {
        this.backend = backend;
    }

    /** {@code connectorsOnly} defaults to true; any given value other than "true" means false, as in Kafka Connect. */
    @GET
    public List<PluginInfo> plugins(@QueryParam("connectorsOnly") @DefaultValue("true") boolean connectorsOnly) {
        List<PluginDescriptor> all = new ArrayList<>(backend.plugins().descriptors());
        all.sort(Comparator.naturalOrder());
        // A class found in several locations is listed once per version.
        Set<PluginInfo> listed = new LinkedHashSet<>();
        all.stream().filter(d -> d.type().isConnector()).map(PluginInfo::of).forEach(listed::add);
        if (!connectorsOnly) {
            for (PluginType kind : OTHER_KINDS) {
                all.stream().filter(d -> d.type() == kind).map(PluginInfo::of).forEach(listed::add);
            }
        }
        return List.copyOf(listed);
    }

    /** The settings of a connector, converter, header converter, transformation or predicate, by class or alias. */
    @GET
    @Path("{plugin}/config")
    public List<ConfigKeyInfo> config(@PathParam("plugin") String plugin, @QueryParam("version") String version) {
        return backend.await(backend.herder().connectorPluginConfig(plugin, version));
    }

    /** Validates a whole connector configuration; the path must name the connector class the body names. */
    @PUT
    @Path("{plugin}/config/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigInfos validate(@PathParam("plugin") String plugin, Map<String, String> config) {
        if (config == null) {
            throw new BadRequestException("Request body is missing: expected the connector configuration as a "
                    + "JSON object");
        }
        String included = config.get(ConnectorConfig.CONNECTOR_CLASS_CONFIG);
        if (included != null && !ConnectorTypeMatch.matches(included, plugin)) {
            throw new BadRequestException("Included connector type " + included + " does not match request type "
                    + plugin);
        }
        return backend.await(backend.herder().validateConnectorConfig(config));
    }
}
