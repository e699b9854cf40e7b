/** The {@code cleave} command line (picocli). */
package org.cleave.cli;
