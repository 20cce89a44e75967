/**
 * The shapes of connectors, tasks and their states as users and the cluster see them: identities,
 * target states and the immutable answers the herder gives (and the REST API serialises).
 */
package io.tributary.connect.model;
