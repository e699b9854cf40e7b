/**
 * Importers of measured layer profiles: the CSV/JSON layer-profile format
 * ({@link org.cleave.instances.importers.LayerProfiles}) and MSR's layer graphs
 * ({@link org.cleave.instances.importers.MsrLayerGraphs}).
 */
package org.cleave.instances.importers;
