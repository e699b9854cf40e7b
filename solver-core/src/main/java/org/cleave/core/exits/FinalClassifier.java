package org.cleave.core.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Layer;

/**
 * Converts a model whose final classifier is written as an exit after the output layer (exit
 * rate 1, as {@link DnnGraph} allows) into the form P2 and P3 use: the output layer <em>is</em>
 * the final classifier, its FLOPs include the classifier branch, and its accuracy is a separate
 * number ({@code finalAccuracy} of {@link ExitsProblem} and
 * {@link org.cleave.core.throughput.ThroughputProblem}).
 *
 * @param graph    the model without the exit after the output layer; the output layer carries the
 *                 branch FLOPs (a measured time of the output layer, if given, still wins)
 * @param accuracy the accuracy of that exit, i.e. of the final classifier
 */
public record FinalClassifier(DnnGraph graph, double accuracy) {

    /** The lifted model when {@code graph} has an exit after its output layer, else empty. */
    public static Optional<FinalClassifier> lift(DnnGraph graph) {
        String out = graph.output().id();
        Optional<Exit> last = graph.exits().stream().filter(e -> e.afterLayer().equals(out)).findFirst();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Exit f = last.get();
        DnnGraph.Builder b = DnnGraph.builder();
        for (Layer l : graph.layers()) {
            b.addLayer(l.id().equals(out) ? new Layer(l.id(), l.flops() + f.flops(), l.outputBytes(), l.paramBytes(),
                    l.measuredDeviceSeconds(), l.measuredEdgeSeconds()) : l);
        }
        for (int u = 0; u < graph.size(); u++) {
            for (int k = 0; k < graph.outDegree(u); k++) {
                b.addArc(graph.layer(u).id(), graph.layer(graph.successor(u, k)).id());
            }
        }
        List<Exit> rest = new ArrayList<>(graph.exits());
        rest.remove(f);
        rest.forEach(b::addExit);
        return Optional.of(new FinalClassifier(b.build(), f.accuracy()));
    }

    /**
     * Rejects a model with an exit after its output layer: in P2 and P3 the output layer is the
     * final classifier.
     *
     * @throws InvalidModelException naming the exit, with the hint to lift it
     */
    public static void requireAbsent(DnnGraph graph) {
        for (int j = 0; j < graph.exits().size(); j++) {
            Exit e = graph.exits().get(j);
            if (graph.indexOf(e.afterLayer()) == graph.outputIndex()) {
                throw new InvalidModelException("model.exits[" + j + "].afterLayer", "exit \"" + e.id()
                        + "\" hangs after the output layer \"" + e.afterLayer() + "\"; the output layer is the final"
                        + " classifier. Maybe lift it with FinalClassifier.lift (in a file: leave out"
                        + " finalAccuracy), which adds its FLOPs to the output layer and uses its accuracy "
                        + e.accuracy() + " as finalAccuracy");
            }
        }
    }
}
