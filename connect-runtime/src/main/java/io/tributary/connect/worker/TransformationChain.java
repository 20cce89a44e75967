package io.tributary.connect.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.connect.errors.ErrorHandler;
import io.tributary.connect.errors.ProcessingContext;
import io.tributary.connect.errors.Stage;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connector's transformations in configured order; a stage answering null drops the record. */
public final class TransformationChain<R extends ConnectRecord<R>> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransformationChain.class);

    private final List<TransformationStage<R>> stages;

    TransformationChain(List<TransformationStage<R>> stages) {
        this.stages = List.copyOf(stages);
    }

    public static <R extends ConnectRecord<R>> TransformationChain<R> empty() {
        return new TransformationChain<>(List.of());
    }

    /** The transformed record, or null when a transformation dropped it. */
    public R apply(R record) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            current = stage.apply(current);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /**
     * As {@link #apply(ConnectRecord)}, each transformation a stage under the task's error handling.
     *
     * @throws io.tributary.connect.errors.RecordSkippedException when a transformation failed and that is tolerated
     */
    public R apply(R record, ErrorHandler errors, ProcessingContext context) {
        R current = record;
        for (TransformationStage<R> stage : stages) {
            R input = current;
            current = errors.execute(context, Stage.TRANSFORMATION, stage.transformation().getClass(),
                    () -> stage.apply(input));
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    public List<String> aliases() {
        return stages.stream().map(TransformationStage::alias).toList();
    }

    /** The transformations in order, as {@code connector-transform-metrics} describes them. */
    List<AliasedPlugin> transformationPlugins() {
        return stages.stream().map(stage -> AliasedPlugin.of(stage.alias(), stage.transformation())).toList();
    }

    /** The predicates the transformations use, each once, as {@code connector-predicate-metrics} describes them. */
    List<AliasedPlugin> predicatePlugins() {
        Map<String, AliasedPlugin> byAlias = new LinkedHashMap<>();
        stages.stream().filter(stage -> stage.predicate() != null)
                .forEach(stage -> byAlias.putIfAbsent(stage.predicateAlias(),
                        AliasedPlugin.of(stage.predicateAlias(), stage.predicate())));
        return List.copyOf(byAlias.values());
    }

    @Override
    public void close() {
        for (TransformationStage<R> stage : stages) {
            try {
                stage.close();
            } catch (RuntimeException e) {
                log.warn("Could not close transformation {}", stage.alias(), e);
            }
        }
    }
}
