package org.cleave.core.multiuser;

import java.util.List;
import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;

/**
 * One stated plan option of one user (a placement with its active exits), reduced to what the
 * resource allocation of P4 needs. All quantities are expectations per inference, reach-weighted
 * as in DESIGN P2: a layer, tensor or exit branch is paid with the probability that a sample
 * reaches it.
 *
 * @param label              a human-readable name, e.g. {@code cut after l3, exits [e1]}
 * @param deviceSeconds      expected device compute time, s
 * @param deviceJoules       expected device compute energy, J
 * @param uploadBits         expected bits sent up (the cut tensor times the probability it is sent)
 * @param edgeFlops          expected FLOPs run on the edge (layers and exit branches on the edge side)
 * @param downloadBits       expected bits sent back (the result of samples answered on the edge)
 * @param offloadProbability probability that a sample is sent to the edge at all; the link's one-way
 *                           latency is paid with this probability; 0 when nothing is sent
 * @param accuracy           expected accuracy, in [0, 1]
 * @param exits              ids of the active exits, shallowest first (may be empty)
 */
public record PlanOption(String label, double deviceSeconds, double deviceJoules, double uploadBits,
                         double edgeFlops, double downloadBits, double offloadProbability, double accuracy,
                         List<String> exits) {
    public PlanOption {
        Checks.identifier("label", label);
        Checks.nonNegative("deviceSeconds", deviceSeconds);
        Checks.nonNegative("deviceJoules", deviceJoules);
        Checks.nonNegative("uploadBits", uploadBits);
        Checks.nonNegative("edgeFlops", edgeFlops);
        Checks.nonNegative("downloadBits", downloadBits);
        Checks.probability("offloadProbability", offloadProbability);
        Checks.probability("accuracy", accuracy);
        exits = List.copyOf(Checks.present("exits", exits));
        if (offloadProbability == 0 && (uploadBits > 0 || edgeFlops > 0 || downloadBits > 0)) {
            throw new InvalidModelException("offloadProbability", "is 0 but the option sends or runs work on the"
                    + " edge (uploadBits " + uploadBits + ", edgeFlops " + edgeFlops + ", downloadBits "
                    + downloadBits + "). Maybe set it to the probability that a sample is sent");
        }
    }

    /** Whether edge compute units are needed ({@code edgeFlops > 0}); otherwise k_F may be 0. */
    public boolean needsCompute() {
        return edgeFlops > 0;
    }

    /** Whether uplink units are needed ({@code uploadBits > 0}); otherwise k_B may be 0. */
    public boolean needsBandwidth() {
        return uploadBits > 0;
    }

    /** Whether nothing at all is sent or run on the edge (Ma et al.'s device-only plan). */
    public boolean deviceOnly() {
        return offloadProbability == 0;
    }

    /** Whether nothing is computed on the device (Ma et al.'s edge-only plan). */
    public boolean edgeOnly() {
        return deviceSeconds == 0 && offloadProbability > 0;
    }
}
