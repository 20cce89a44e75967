package io.tributary.connect.distributed;

import io.tributary.connect.model.ConnectorTaskId;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eager protocol's assignor: every member has already stopped everything, so all work is dealt out
 * afresh, round-robin over members in id order, connectors (by name) first and then tasks, the deal
 * continuing where the connectors left off.
 */
public final class EagerAssignor implements ConnectAssignor {

    @Override
    public Map<String, Assignment> assign(AssignmentRound round) {
        Map<String, List<String>> connectors = new LinkedHashMap<>();
        Map<String, List<ConnectorTaskId>> tasks = new LinkedHashMap<>();
        for (String member : round.members().keySet()) {
            connectors.put(member, new ArrayList<>());
            tasks.put(member, new ArrayList<>());
        }
        Dealer dealer = new Dealer(round.members().keySet());
        List<String> allConnectors = new ArrayList<>(round.config().connectors());
        allConnectors.sort(null);
        for (String connector : allConnectors) {
            connectors.get(dealer.next()).add(connector);
        }
        for (String connector : allConnectors) {
            List<ConnectorTaskId> connectorTasks = new ArrayList<>(round.config().tasks(connector));
            connectorTasks.sort(null);
            for (ConnectorTaskId task : connectorTasks) {
                tasks.get(dealer.next()).add(task);
            }
        }
        Map<String, Assignment> result = new LinkedHashMap<>();
        for (String member : round.members().keySet()) {
            result.put(member, Assignment.eager(Assignment.NO_ERROR, round.leaderId(), round.leaderUrl(),
                round.configOffset(), connectors.get(member), tasks.get(member)));
        }
        return result;
    }

    /** Cycles through the members forever. */
    private static final class Dealer {
        private final Iterable<String> members;
        private Iterator<String> position;

        Dealer(Iterable<String> members) {
            this.members = members;
            this.position = members.iterator();
        }

        String next() {
            if (!position.hasNext()) {
                position = members.iterator();
            }
            return position.next();
        }
    }
}
