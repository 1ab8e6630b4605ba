/** The progress file's shape as tests read it from disk (written here, not imported from src). */
export interface StatusRecord {
  readonly status: string;
  readonly at: string;
}
export interface HistoryEntry {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
}
export interface SavedRoadmap {
  readonly items: Record<string, StatusRecord>;
  readonly history: HistoryEntry[];
  readonly source?: string;
  readonly notes?: Record<string, { readonly at: string; readonly text: string }[]>;
  readonly reviews?: Record<string, string[]>;
}
export interface SavedConfig {
  readonly schemaVersion: number;
  readonly settings: { readonly roadmap?: string };
  readonly roadmaps: Record<string, SavedRoadmap>;
}
