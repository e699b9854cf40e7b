/** Shared instances of the JMH suites; the suites themselves are in one package per problem family. */
package org.cleave.benchmarks;
