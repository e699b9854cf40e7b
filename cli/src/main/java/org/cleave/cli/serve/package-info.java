/** {@code cleave serve}: the JSON Lines server over {@link org.cleave.workflows.serve.Server}. */
package org.cleave.cli.serve;
