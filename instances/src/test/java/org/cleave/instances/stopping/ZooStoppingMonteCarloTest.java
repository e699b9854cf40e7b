package org.cleave.instances.stopping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.algorithms.stopping.BackwardInductionStoppingSolver;
import org.cleave.algorithms.stopping.MonteCarloStoppingSimulator;
import org.cleave.algorithms.stopping.OslaStoppingSolver;
import org.cleave.algorithms.stopping.StaticSplitStoppingSolver;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Layer;
import org.cleave.core.model.CostWeights;
import org.cleave.core.stopping.Channel;
import org.cleave.core.stopping.Fading;
import org.cleave.core.stopping.StoppingLayer;
import org.cleave.core.stopping.StoppingPlan;
import org.cleave.core.stopping.StoppingProblem;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * P6 on zoo models: the block chain of a zoo model (FLOPs, output and parameter bytes per block)
 * on the {@code rpi4} device and the {@code gpu} edge, under Rayleigh fading (20 MHz, mean SNR 100). For backward
 * induction, OSLA and the best static split, a seeded Monte Carlo estimate lies within 3
 * standard errors of the evaluator's expected cost.
 */
class ZooStoppingMonteCarloTest {
    static StoppingProblem fromZoo(String model, double meanSnr) {
        DnnGraph g = Zoo.get(model).blockGraph();
        Device device = Profiles.device("rpi4");
        EdgeServer edge = Profiles.edge("gpu");
        List<StoppingLayer> layers = new ArrayList<>();
        for (int v = 1; v < g.size(); v++) {
            Layer l = g.layer(v);
            double t = device.seconds(l, 0);
            layers.add(new StoppingLayer(l.id(), t, device.computeWatts() * t, l.outputBytes(), edge.seconds(l),
                    l.paramBytes()));
        }
        double bandwidth = 20e6;
        double power = 0.1;
        double noise = 1e-17;
        Channel channel = new Channel(bandwidth, power, noise, new Fading.Rayleigh(meanSnr * noise * bandwidth / power));
        return new StoppingProblem(g.input().outputBytes(), layers, channel,
                new CostWeights(1, 0.1), 2e-3, device.idleWatts(), 1e-9, 1000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alexnet", "resnet18", "mobilenetv2"})
    void monteCarloMatchesTheEvaluator(String model) {
        StoppingProblem p = fromZoo(model, 100);
        Map<String, StoppingPlan> plans = new LinkedHashMap<>();
        plans.put("backward-induction", new BackwardInductionStoppingSolver().solve(p).planOrThrow());
        plans.put("osla", new OslaStoppingSolver().solve(p).planOrThrow());
        plans.put("static-split", new StaticSplitStoppingSolver().solve(p).planOrThrow());
        long seed = model.hashCode();
        for (Map.Entry<String, StoppingPlan> e : plans.entrySet()) {
            double exact = p.evaluate(e.getValue()).objective();
            MonteCarloStoppingSimulator.Estimate est = MonteCarloStoppingSimulator.simulate(p, e.getValue(), 20_000,
                    seed + e.getKey().hashCode());
            System.out.printf("%s %s: exact %.6g, Monte Carlo %.6g ± %.2g%n", model, e.getKey(), exact, est.mean(),
                    est.standardError());
            assertTrue(est.standardError() == 0 ? Math.abs(est.mean() - exact) <= 1e-9 * Math.abs(exact)
                    : est.zScore(exact) <= 3, model + " " + e.getKey() + ": Monte Carlo " + est.mean() + " ± "
                    + est.standardError() + " vs exact " + exact);
        }
    }
}
