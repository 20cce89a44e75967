/**
 * Distributed-mode group membership: workers sharing a {@code group.id} join the broker's group
 * coordinator with protocol type {@code connect}, the elected leader assigns connectors and tasks,
 * and every member learns its share. Wire formats are Kafka Connect's so mixed groups agree.
 */
package io.tributary.connect.distributed;
