package org.cleave.core.upload;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Placement;
import org.cleave.core.model.CostWeights;

/**
 * The P5 evaluator: an event-driven simulation of one inference, the single source of truth for
 * P5's cost semantics (stated in {@link UploadProblem}). Every P5 solver's result, and every
 * user of the multi-user extension, is evaluated here. O(|V| + |A|) time.
 */
public final class UploadEvaluator {
    private UploadEvaluator() {
    }

    /**
     * Evaluates {@code plan} on {@code problem} and records the timeline.
     *
     * @throws org.cleave.core.model.InvalidModelException if the plan has the wrong size, puts the
     *                                                     input on the edge or is not monotone
     */
    public static UploadCost evaluate(UploadProblem problem, Placement plan) {
        plan.requireMonotone(problem.graph());
        return simulate(problem.graph(), toArray(plan), problem.mode(), UploadTimes.of(problem), problem.device(),
                problem.weights(), true);
    }

    /**
     * Simulates a monotone placement {@code onEdge} (not re-checked: the caller guarantees it)
     * with precomputed {@code times}; the entry point for solvers and the multi-user evaluator.
     *
     * @param recordTimeline whether to build the list of {@link TimelineEvent}s
     */
    public static UploadCost simulate(DnnGraph g, boolean[] onEdge, UploadMode mode, UploadTimes times,
                                      Device device, CostWeights weights, boolean recordTimeline) {
        int n = g.size();
        List<TimelineEvent> events = recordTimeline ? new ArrayList<>() : null;
        List<String> sent = new ArrayList<>();
        // 1. The device runs its layers in topological order, back to back from t = 0.
        double deviceEnd = 0;
        int edgeCount = 0;
        for (int v = 0; v < n; v++) {
            if (onEdge[v]) {
                edgeCount++;
                continue;
            }
            double start = deviceEnd;
            deviceEnd += times.deviceSeconds(v);
            if (events != null && (v != 0 || deviceEnd > start)) {
                events.add(new TimelineEvent(TimelineEvent.Activity.COMPUTE, g.layer(v).id(), Resource.DEVICE, start,
                        deviceEnd));
            }
        }
        double deviceCompute = deviceEnd;
        double computeJ = device.computeWatts() * deviceCompute;
        if (edgeCount == 0) {
            double energy = computeJ;
            return new UploadCost(deviceEnd, deviceEnd, deviceEnd, deviceCompute, 0, 0, 0, 0, 0, 0, computeJ, 0, 0,
                    energy, weights.combine(deviceEnd, energy), sent, events == null ? List.of() : events);
        }
        int[] features = new int[n];
        int featureCount = 0;
        for (int u = 0; u < n; u++) {
            if (!onEdge[u]) {
                for (int k = 0; k < g.outDegree(u); k++) {
                    if (onEdge[g.successor(u, k)]) {
                        features[featureCount++] = u;
                        sent.add(g.layer(u).id());
                        break;
                    }
                }
            }
        }
        int[] edgeLayers = new int[edgeCount];
        for (int v = 0, k = 0; v < n; v++) {
            if (onEdge[v]) {
                edgeLayers[k++] = v;
            }
        }
        double[] paramArrival = new double[n]; // 0 for a layer without parameter bytes or when preloaded
        double uplinkBusy = 0;
        double paramBusy = 0;
        double outsideCompute = 0; // uplink time after the device part ended
        double featuresArrived;
        double edgeFree = 0;
        double edgeCompute = 0;
        if (mode == UploadMode.SERIAL) {
            // The device part, then every feature tensor, then per edge layer: its parameters, its run.
            double now = deviceEnd;
            for (int i = 0; i < featureCount; i++) {
                int u = features[i];
                double end = now + times.featureSeconds(u);
                record(events, TimelineEvent.Activity.FEATURE_UPLOAD, g, u, Resource.UPLINK, now, end);
                uplinkBusy += end - now;
                now = end;
            }
            featuresArrived = now;
            double uplinkFree = now;
            double release = deviceEnd;
            edgeFree = featuresArrived;
            for (int v : edgeLayers) {
                double p = times.paramSeconds(v);
                double ready = featuresArrived;
                if (p > 0) {
                    double start = Math.max(release, uplinkFree);
                    double end = start + p;
                    record(events, TimelineEvent.Activity.PARAMETER_UPLOAD, g, v, Resource.UPLINK, start, end);
                    uplinkBusy += p;
                    paramBusy += p;
                    uplinkFree = end;
                    paramArrival[v] = end;
                    ready = Math.max(ready, end);
                }
                double start = Math.max(edgeFree, ready);
                double end = start + times.edgeSeconds(v);
                record(events, TimelineEvent.Activity.COMPUTE, g, v, Resource.EDGE, start, end);
                edgeCompute += times.edgeSeconds(v);
                edgeFree = end;
                release = end;
            }
            outsideCompute = uplinkBusy; // every serial upload happens after the device part
        } else {
            // PARALLEL / PRELOADED: the uplink does not depend on the edge. Parameters are released
            // at 0 in topological order; feature tensors at deviceEnd, in topological order of their
            // producers, and go before any parameter upload not yet started (non-preemptive).
            int nextParam = 0;
            int nextFeature = 0;
            double now = 0;
            boolean uploadParams = mode == UploadMode.PARALLEL;
            featuresArrived = deviceEnd;
            while (true) {
                if (uploadParams) {
                    while (nextParam < edgeCount && times.paramSeconds(edgeLayers[nextParam]) <= 0) {
                        nextParam++;
                    }
                }
                boolean paramsLeft = uploadParams && nextParam < edgeCount;
                boolean featuresLeft = nextFeature < featureCount;
                if (!paramsLeft && !featuresLeft) {
                    break;
                }
                boolean feature = featuresLeft && (deviceEnd <= now || !paramsLeft);
                double start = feature ? Math.max(now, deviceEnd) : now;
                int layer = feature ? features[nextFeature++] : edgeLayers[nextParam++];
                double duration = feature ? times.featureSeconds(layer) : times.paramSeconds(layer);
                double end = start + duration;
                record(events, feature ? TimelineEvent.Activity.FEATURE_UPLOAD
                        : TimelineEvent.Activity.PARAMETER_UPLOAD, g, layer, Resource.UPLINK, start, end);
                uplinkBusy += duration;
                outsideCompute += Math.max(0, end - Math.max(start, deviceEnd));
                if (feature) {
                    featuresArrived = end;
                } else {
                    paramBusy += duration;
                    paramArrival[layer] = end;
                }
                now = end;
            }
            for (int v : edgeLayers) {
                double start = Math.max(Math.max(edgeFree, featuresArrived), paramArrival[v]);
                double end = start + times.edgeSeconds(v);
                record(events, TimelineEvent.Activity.COMPUTE, g, v, Resource.EDGE, start, end);
                edgeCompute += times.edgeSeconds(v);
                edgeFree = end;
            }
        }
        double download = times.downloadSeconds();
        double resultDown = edgeFree + download;
        record(events, TimelineEvent.Activity.RESULT_DOWNLOAD, g, g.outputIndex(), Resource.DOWNLINK, edgeFree,
                resultDown);
        double latency = resultDown + times.latencySeconds();
        double idle = Math.max(0, resultDown - deviceCompute - outsideCompute);
        double transmitJ = device.transmitWatts() * uplinkBusy;
        double idleJ = device.idleWatts() * idle;
        double energy = computeJ + transmitJ + idleJ;
        return new UploadCost(latency, deviceEnd, featuresArrived, deviceCompute, uplinkBusy, paramBusy, edgeCompute,
                download, times.latencySeconds(), idle, computeJ, transmitJ, idleJ, energy,
                weights.combine(latency, energy), sent, events == null ? List.of() : events);
    }

    private static void record(List<TimelineEvent> events, TimelineEvent.Activity activity, DnnGraph g, int layer,
                               Resource resource, double start, double end) {
        if (events != null) {
            events.add(new TimelineEvent(activity, g.layer(layer).id(), resource, start, end));
        }
    }

    /** The placement as a flag per layer (true: on the edge). */
    public static boolean[] toArray(Placement plan) {
        boolean[] onEdge = new boolean[plan.size()];
        for (int v = 0; v < onEdge.length; v++) {
            onEdge[v] = plan.onEdge(v);
        }
        return onEdge;
    }
}
