/**
 * Choco formulation of P4 (multi-user partition, exit and resource allocation): element and
 * knapsack constraints over the {@link org.cleave.core.multiuser.AllocationTable} entries, with
 * integer-scaled costs made exact by a second, window-enumeration phase ({@code choco}).
 */
package org.cleave.choco.multiuser;
