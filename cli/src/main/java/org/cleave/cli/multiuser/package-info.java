/** The P4 (multiuser) commands: {@code cleave generate multiuser}. */
package org.cleave.cli.multiuser;
