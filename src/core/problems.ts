/** Why a text makes no roadmap: not that the file could not be read, but what it holds. */
export class RoadmapProblem extends Error {
  // The parser may run from its own bundle, with its own copy of this class: callers check the name.
  override readonly name = 'RoadmapProblem';
}
