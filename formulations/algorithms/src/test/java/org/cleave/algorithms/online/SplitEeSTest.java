package org.cleave.algorithms.online;

import org.cleave.core.online.SplitPolicy;
import org.cleave.core.online.SplitPolicyContract;

class SplitEeSTest extends SplitPolicyContract {
    @Override
    protected SplitPolicy createPolicy() {
        return UcbSplitPolicy.splitEeS();
    }

    @Override
    protected boolean learns() {
        return true;
    }
}
