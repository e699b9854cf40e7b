package org.cleave.instances.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.model.DnnGraph;
import org.junit.jupiter.api.Test;

class GraphExportTest {
    @Test
    void dotHasEveryVertexAndArc() {
        DnnGraph g = Zoo.get("resnet18").layerGraph();
        String dot = GraphExport.export(g, GraphExport.Format.DOT);
        assertTrue(dot.startsWith("strict digraph") || dot.startsWith("digraph"), dot.substring(0, 40));
        assertEquals(g.arcCount(), dot.lines().filter(l -> l.contains("->")).count());
        assertTrue(dot.contains("label=\"layer2.0.add\""), "labels carry layer ids");
    }

    @Test
    void graphMlHasTypedAttributesAndExits() {
        DnnGraph g = Zoo.get("b-alexnet").layerGraph();
        String xml = GraphExport.export(g, GraphExport.Format.GRAPHML);
        assertTrue(xml.contains("<graphml"));
        assertEquals(g.size(), xml.split("<node ", -1).length - 1);
        assertEquals(g.arcCount(), xml.split("<edge ", -1).length - 1);
        assertTrue(xml.contains("attr.name=\"flops\"") && xml.contains("exit1"));
    }
}
