/**
 * P7 trace files: {@link org.cleave.instances.online.TraceCsv} reads and writes the CSV trace
 * format (one row per sample and exit: {@code sample,exit,confidence[,correct]}) of SplitEE's
 * online split problem (Bajpai et al., AIMLSystems 2023, doi:10.1145/3639856.3639873).
 */
package org.cleave.instances.online;
