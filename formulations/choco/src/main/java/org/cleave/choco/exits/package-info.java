/**
 * P2 (partition with early exits, both variants) as a Choco CP model: {@link
 * org.cleave.choco.exits.ChocoExitsSolver}, id {@code choco}. After Li et al., "Edgent", IEEE TWC
 * 2020 (doi:10.1109/TWC.2019.2946140) and Teerapittayanon et al., "BranchyNet", ICPR 2016
 * (doi:10.1109/ICPR.2016.7900006).
 */
package org.cleave.choco.exits;
