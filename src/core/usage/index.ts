/** Agent usage from local logs: readers, discovery, the incremental cache and the report (docs/usage.md). */
export { collectUsage, type CollectUsageOptions, type CollectedUsage } from './collectUsage';
export { buildUsageReport, localDate, weekStart, type UsageGrouping, type UsageReport, type UsageGroup, type UsageFigures, type HeavySession, type ModelUsage } from './usageReport';
export { candidateLogRoots, existingLogRoots, listLogFiles, type LogRoot, type LogFile } from './logDiscovery';
export { defaultCacheDir, clearDigests, USAGE_CACHE_FILE } from './usageCache';
export { FootprintCalculator } from './requestFootprint';
export { AGENT_IDS, AGENT_NAMES, ESTIMATED_LABEL, type AgentId, type TokenCounts, type UsageRecord } from './usageRecord';
export { recentUsageSince, summariseRecentUsage, type RecentUsage, type RecentFigures, type AgentRecentUsage } from './recentUsage';
export { runUsageWorker, type UsageWorkerJob, type UsageWorkerResult } from './runUsageWorker';
