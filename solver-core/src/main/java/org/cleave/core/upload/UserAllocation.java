package org.cleave.core.upload;

import org.cleave.core.model.Checks;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Placement;

/**
 * One user's part of a multi-user P5 plan: its placement and its integer units of edge compute
 * and uplink bandwidth.
 *
 * @param placement      monotone placement of the user's graph
 * @param computeUnits   k_F ≥ 0 units of edge compute
 * @param bandwidthUnits k_B ≥ 0 units of uplink bandwidth
 */
public record UserAllocation(Placement placement, int computeUnits, int bandwidthUnits) {
    public UserAllocation {
        Checks.present("placement", placement);
        if (computeUnits < 0) {
            throw new InvalidModelException("computeUnits", "must be >= 0, got " + computeUnits);
        }
        if (bandwidthUnits < 0) {
            throw new InvalidModelException("bandwidthUnits", "must be >= 0, got " + bandwidthUnits);
        }
    }
}
