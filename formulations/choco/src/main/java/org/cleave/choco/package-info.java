/**
 * Choco constraint-programming formulations (Prud'homme and Fages, "Choco-solver: A Java library
 * for constraint programming", JOSS 2022, doi:10.21105/joss.04708), one package per family.
 * {@link org.cleave.choco.ChocoSupport} holds the limits and status mapping they share.
 */
package org.cleave.choco;
