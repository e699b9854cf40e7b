package org.cleave.instances.importers;

import java.util.Map;
import org.cleave.core.model.Checks;
import org.cleave.core.model.DnnGraph;

/**
 * An imported model: the DAG with measured layer times, the layers' display names and the source.
 *
 * @param graph  the DAG; layers with measured times use them instead of FLOPs / rate
 * @param names  display name per layer id
 * @param source where the profile comes from
 */
public record ProfiledModel(DnnGraph graph, Map<String, String> names, String source) {
    public ProfiledModel {
        Checks.present("graph", graph);
        names = Map.copyOf(names);
        Checks.present("source", source);
    }
}
