package org.cleave.choco;

import java.util.function.BooleanSupplier;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.solver.variables.events.IntEventType;
import org.chocosolver.util.ESat;

/**
 * A checker used by {@link ChocoStopChainModel}: fails when all its variables are fixed and the
 * test says no.
 */
final class PropCheck extends Propagator<IntVar> {
    private final BooleanSupplier ok;

    PropCheck(IntVar[] vars, BooleanSupplier ok) {
        super(vars, PropagatorPriority.LINEAR, false);
        this.ok = ok;
    }

    @Override
    public int getPropagationConditions(int vIdx) {
        return IntEventType.instantiation();
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        if (isCompletelyInstantiated() && !ok.getAsBoolean()) {
            fails();
        }
    }

    @Override
    public ESat isEntailed() {
        if (!isCompletelyInstantiated()) {
            return ESat.UNDEFINED;
        }
        return ESat.eval(ok.getAsBoolean());
    }
}
