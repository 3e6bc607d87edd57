/**
 * Benchmark support, active only with the Spring profile {@code bench} (see bench/casework.sh):
 * a bare baseline of the same process engine and database for comparing the application path
 * against. Nothing here is part of the product; without the profile no bean of it exists.
 */
package org.onewindow.benchmark;
