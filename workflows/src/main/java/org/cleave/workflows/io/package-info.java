/**
 * Writing output files safely: every target checked before anything is written, results written
 * to a temporary file in the target's folder and moved into place, and existing files never
 * overwritten unless asked ({@link org.cleave.workflows.io.OutputFiles}).
 */
package org.cleave.workflows.io;
