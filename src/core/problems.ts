/** Why a text makes no roadmap: not that the file could not be read, but what it holds. */
export class RoadmapProblem extends Error {}
