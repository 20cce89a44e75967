package io.tributary.connect.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The body of GET and PATCH /connectors/{name}/offsets. */
public record ConnectorOffsets(@JsonProperty("offsets") List<ConnectorOffset> offsets) {
}
