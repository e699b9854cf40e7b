package org.cleave.core.multiuser;

import org.cleave.core.model.InvalidModelException;

/**
 * What one user gets: a plan option and integer shares of edge compute and uplink.
 *
 * @param option         index into {@link User#options()}
 * @param computeUnits   k_F, edge compute units, {@code >= 0}
 * @param bandwidthUnits k_B, uplink units, {@code >= 0}
 */
public record UserChoice(int option, int computeUnits, int bandwidthUnits) {
    public UserChoice {
        if (option < 0) {
            throw new InvalidModelException("option", "must be >= 0, got " + option);
        }
        if (computeUnits < 0) {
            throw new InvalidModelException("computeUnits", "must be >= 0, got " + computeUnits);
        }
        if (bandwidthUnits < 0) {
            throw new InvalidModelException("bandwidthUnits", "must be >= 0, got " + bandwidthUnits);
        }
    }
}
