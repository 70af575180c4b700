/*
 * Measuring and seeding helpers shared by this plugin's tests and the
 * repository's bench/ (which may import only packages' entry points). No
 * dependency beyond Node: importing this entry point costs a consumer
 * nothing.
 */
export { startStallProbe, type StallProbe } from './stallProbe';
export { generatedRowsSql, type GeneratedRowsSql } from './generatedRowsSql';
