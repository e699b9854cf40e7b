/** JMH benchmarks of the model importers. */
package org.cleave.benchmarks.importers;
