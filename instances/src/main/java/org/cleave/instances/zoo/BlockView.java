package org.cleave.instances.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;

/**
 * The block-level view of a DAG: a chain whose vertices are the DAG's cut vertices.
 *
 * <p>Let {@code c_0 = input < c_1 < ... < c_m = output} be the cut vertices of G in topological
 * order (every input→output path passes through each of them). Block k holds the layers with
 * topological index in {@code (c_{k−1}, c_k]}; it is a vertex of the chain with id
 * {@code id(c_k)}, FLOPs and parameter bytes the sums over its layers, and output bytes those of
 * {@code c_k}, the only tensor leaving the block. Measured times are summed when every layer of the
 * block has one, and left absent when none has. Exits (which hang after cut vertices) keep their
 * {@code afterLayer} ids. A monotone placement of the chain is a monotone placement of G that keeps
 * each block on one tier, so the chain's optimum is an upper bound on the DAG's. O(|V| + |A|).
 *
 * @param graph  the chain
 * @param blocks the blocks in chain order, the input first (a block of one layer)
 */
public record BlockView(DnnGraph graph, List<Block> blocks) {

    /**
     * One block.
     *
     * @param id       the id of its last layer, a cut vertex of the DAG
     * @param layerIds its layers in topological order
     */
    public record Block(String id, List<String> layerIds) {
        public Block {
            layerIds = List.copyOf(layerIds);
        }
    }

    public BlockView {
        blocks = List.copyOf(blocks);
    }

    /**
     * The block view of {@code dag}.
     *
     * @throws IllegalArgumentException if a block mixes layers with and without a measured time
     */
    public static BlockView of(DnnGraph dag) {
        DnnGraph.Builder b = DnnGraph.builder();
        List<Block> blocks = new ArrayList<>();
        b.addLayer(dag.input());
        blocks.add(new Block(dag.input().id(), List.of(dag.input().id())));
        String previous = dag.input().id();
        List<String> members = new ArrayList<>();
        double flops = 0;
        double params = 0;
        double[] device = {0, 0};
        double[] edge = {0, 0};
        for (int v = 1; v < dag.size(); v++) {
            Layer l = dag.layer(v);
            members.add(l.id());
            flops += l.flops();
            params += l.paramBytes();
            accumulate(device, l.measuredDeviceSeconds());
            accumulate(edge, l.measuredEdgeSeconds());
            if (dag.isCutVertex(v)) {
                b.addLayer(new Layer(l.id(), flops, l.outputBytes(), params,
                        measured(device, members, l.id(), "device"), measured(edge, members, l.id(), "edge")));
                b.addArc(previous, l.id());
                blocks.add(new Block(l.id(), members));
                previous = l.id();
                members = new ArrayList<>();
                flops = 0;
                params = 0;
                device = new double[] {0, 0};
                edge = new double[] {0, 0};
            }
        }
        dag.exits().forEach(b::addExit);
        return new BlockView(b.build(), blocks);
    }

    private static void accumulate(double[] sumAndCount, OptionalDouble seconds) {
        if (seconds.isPresent()) {
            sumAndCount[0] += seconds.getAsDouble();
            sumAndCount[1]++;
        }
    }

    private static OptionalDouble measured(double[] sumAndCount, List<String> members, String block, String tier) {
        if (sumAndCount[1] == 0) {
            return OptionalDouble.empty();
        }
        if (sumAndCount[1] != members.size()) {
            throw new IllegalArgumentException("block \"" + block + "\": " + (int) sumAndCount[1] + " of its "
                    + members.size() + " layers have a measured " + tier + " time and the others do not;"
                    + " a block's time must come from one source. Maybe give every layer a measured time");
        }
        return OptionalDouble.of(sumAndCount[0]);
    }
}
