/** {@code cleave zoo}: list, show and export the model zoo's networks, and list the profiles. */
package org.cleave.cli.zoo;
