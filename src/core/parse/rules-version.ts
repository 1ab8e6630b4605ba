/**
 * Bumped whenever a parsing rule changes what a file yields. The parse cache
 * stores it with each entry, so a tree read by older rules is never served
 * (the tool's version alone does not change between builds of one release).
 * Kept apart from the parser so that the cache does not load marked.
 */
export const PARSE_RULES_VERSION = 8;
