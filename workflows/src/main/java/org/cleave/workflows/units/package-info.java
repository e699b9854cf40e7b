/**
 * The one parser of quantities written with units: bit rates ({@code 5M}, {@code 0.1Mbps},
 * {@code 10Gbps}, {@code 2e6bit/s}) and durations ({@code 500ms}, {@code 10s}, {@code PT10S}).
 * Every command-line converter delegates here, so the command line and Java callers accept the
 * same texts.
 */
package org.cleave.workflows.units;
