package org.cleave.instances.zoo;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/**
 * DOT (Graphviz) and GraphML export of a {@link DnnGraph} through JGraphT's exporters, for
 * drawing a model. Vertices are numbered by topological index ({@code v0} is the input) and carry
 * the layer id as label plus {@code flops}, {@code outputBytes} and {@code paramBytes}; a layer
 * with an exit carries {@code exit} (its id). Linear in the graph size.
 */
public final class GraphExport {
    /** The export formats. */
    public enum Format {
        /** Graphviz DOT. */
        DOT,
        /** GraphML (XML). */
        GRAPHML
    }

    private GraphExport() {
    }

    /** The graph in {@code format}. */
    public static String export(DnnGraph graph, Format format) {
        return format == Format.DOT ? dot(graph) : graphMl(graph);
    }

    private static Map<String, Integer> indices(DnnGraph graph) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            index.put(graph.layer(i).id(), i);
        }
        return index;
    }

    private static Map<String, Attribute> attributes(DnnGraph graph, String id, Map<String, String> exitAt) {
        Layer l = graph.layer(graph.indexOf(id));
        Map<String, Attribute> a = new LinkedHashMap<>();
        a.put("label", DefaultAttribute.createAttribute(id));
        a.put("flops", DefaultAttribute.createAttribute(l.flops()));
        a.put("outputBytes", DefaultAttribute.createAttribute(l.outputBytes()));
        a.put("paramBytes", DefaultAttribute.createAttribute(l.paramBytes()));
        if (exitAt.containsKey(id)) {
            a.put("exit", DefaultAttribute.createAttribute(exitAt.get(id)));
        }
        return a;
    }

    private static Map<String, String> exits(DnnGraph graph) {
        Map<String, String> at = new HashMap<>();
        for (Exit e : graph.exits()) {
            at.put(e.afterLayer(), e.id());
        }
        return at;
    }

    /** Graphviz DOT text. */
    public static String dot(DnnGraph graph) {
        Map<String, Integer> index = indices(graph);
        Map<String, String> exitAt = exits(graph);
        DOTExporter<String, DefaultEdge> exporter = new DOTExporter<>(v -> "v" + index.get(v));
        exporter.setVertexAttributeProvider(v -> attributes(graph, v, exitAt));
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph.asGraph(), out);
        return out.toString();
    }

    /** GraphML text with typed vertex attributes. */
    public static String graphMl(DnnGraph graph) {
        Map<String, Integer> index = indices(graph);
        Map<String, String> exitAt = exits(graph);
        GraphMLExporter<String, DefaultEdge> exporter = new GraphMLExporter<>(v -> "v" + index.get(v));
        exporter.registerAttribute("label", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("flops", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("outputBytes", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("paramBytes", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("exit", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.setVertexAttributeProvider(v -> attributes(graph, v, exitAt));
        StringWriter out = new StringWriter();
        exporter.exportGraph(graph.asGraph(), out);
        return out.toString();
    }
}
