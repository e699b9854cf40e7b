/**
 * {@code cleave online}: runs a P7 online split policy (SplitEE, SplitEE-S, ε-greedy, fixed,
 * final-only) over a CSV trace or a generated one and reports regret against the best fixed
 * split in hindsight, mean cost and accuracy (Bajpai et al., SplitEE, AIMLSystems 2023,
 * doi:10.1145/3639856.3639873).
 */
package org.cleave.cli.online;
