/**
 * Shared by Cleave's front ends (the {@code cleave} command line and the Spark jobs, which take the
 * same options): {@link org.cleave.workflows.options.OptionErrors} reports a library error about a
 * field ({@code per-user: …}) under the option that carried its value ({@code --per-user: …}).
 * Library code itself never names options.
 */
package org.cleave.workflows.options;
